// ANCM V1 (AspNetCoreModule) cannot host in-process, and the Web SDK refuses to write hostingModel="InProcess" for it:
// publish fails with "In process hosting is not supported for AspNetCoreModule. Change the AspNetCoreModule to at
// least AspNetCoreModuleV2." (dotnet/sdk src/WebSdk/Publish/Tasks/WebConfigTransform.cs SetAspNetCoreHostingModel;
// WebConfigTransform_InvalidHostingOption in src/WebSdk/Publish/Tasks/Properties/Resources.resx). InProcess is also the
// Web SDK's default from .NET Core 3.0 (Microsoft.NET.Sdk.Web.ProjectSystem.targets), so naming V1 alone is enough.

import { ASPNETCORE_HOSTING_MODEL, ASPNETCORE_MODULE_NAME, findProjectProperty } from '../../../ancm/projectProperties';
import { evaluatedValue } from '../msbuildProject';
import { type ProjectRule, hostingModelInEffect, perElement, propertiesNamed, propertySpan, propertyValueFix } from './projectRule';

export const SDK_V1_IN_PROCESS_ERROR = 'In process hosting is not supported for AspNetCoreModule. Change the AspNetCoreModule to at least AspNetCoreModuleV2.';

export const projectInProcessV1Module: ProjectRule = {
  id: 'project-in-process-v1-module',
  description: 'AspNetCoreModuleName=AspNetCoreModule (ANCM V1) with the InProcess hosting model: dotnet publish fails.',
  defaultSeverity: 'error',
  docsUrl: findProjectProperty(ASPNETCORE_MODULE_NAME)!.docsUrl,
  check(context) {
    // The SDK checks only when it writes hostingModel, which it does not when web.config has one.
    if (context.webConfigHostingModel) return [];
    const { project } = context;
    return perElement(
      context,
      ({ values }) => {
        if (evaluatedValue(values, ASPNETCORE_MODULE_NAME)?.trim().toLowerCase() !== 'aspnetcoremodule') return undefined;
        return hostingModelInEffect(project, values) === 'inprocess' ? values.get(ASPNETCORE_MODULE_NAME)?.property : undefined;
      },
      (property, where) => {
        const hostingModels = propertiesNamed(project, ASPNETCORE_HOSTING_MODEL);
        return {
          message: `ANCM V1 cannot host in-process${where}: publish fails with "${SDK_V1_IN_PROCESS_ERROR}"`,
          ...propertySpan(property),
          fixes: [
            propertyValueFix(project, property, 'AspNetCoreModuleV2', "Change to 'AspNetCoreModuleV2'", true),
            ...hostingModels.map((hostingModel) => propertyValueFix(project, hostingModel, 'OutOfProcess', 'Host out-of-process (AspNetCoreHostingModel=OutOfProcess)', false)),
          ],
        };
      },
    );
  },
};
