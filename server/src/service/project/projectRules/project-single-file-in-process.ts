// In-process, ANCM loads the app through hostfxr and needs `<app>.dll` beside the .exe processPath names; a single-file
// bundle has none, so every request gets HTTP 500.38 "ANCM Application DLL Not Found" ("Single-file deployments are not
// supported in IIS": dotnet/aspnetcore src/Servers/IIS/AspNetCoreModuleV2/CommonLib/HostFxrResolver.cpp). Out-of-process
// runs the bundle as its own process, which works.

import { ASPNETCORE_HOSTING_MODEL, PUBLISH_SINGLE_FILE, findProjectProperty } from '../../../ancm/projectProperties';
import { evaluatedValue } from '../msbuildProject';
import { type ProjectRule, hostingModelInEffect, isTrue, perElement, propertiesNamed, propertySpan, propertyValueFix } from './projectRule';

export const projectSingleFileInProcess: ProjectRule = {
  id: 'project-single-file-in-process',
  description: 'PublishSingleFile=true with the InProcess hosting model: IIS answers HTTP 500.38 (ANCM Application DLL Not Found).',
  defaultSeverity: 'error',
  docsUrl: findProjectProperty(PUBLISH_SINGLE_FILE)!.docsUrl,
  check(context) {
    const { project } = context;
    // web.config's own hostingModel is what ANCM reads, whatever the property says.
    const webConfigModel = context.webConfigHostingModel?.value.trim().toLowerCase();
    if (webConfigModel !== undefined && webConfigModel !== 'inprocess') return [];
    return perElement(
      context,
      ({ values }) => {
        if (!isTrue(evaluatedValue(values, PUBLISH_SINGLE_FILE))) return undefined;
        const inProcess = webConfigModel === 'inprocess' || hostingModelInEffect(project, values) === 'inprocess';
        return inProcess ? values.get(PUBLISH_SINGLE_FILE)?.property : undefined;
      },
      (property, where) => ({
        message: `A single-file app cannot be hosted in-process${where}: ANCM finds no app .dll beside the .exe and answers HTTP 500.38. Publish without it or host out-of-process.`,
        ...propertySpan(property),
        fixes: [
          propertyValueFix(project, property, 'false', 'Publish without single-file (PublishSingleFile=false)', false),
          ...(webConfigModel === undefined
            ? propertiesNamed(project, ASPNETCORE_HOSTING_MODEL).map((hostingModel) =>
                propertyValueFix(project, hostingModel, 'OutOfProcess', 'Host out-of-process (AspNetCoreHostingModel=OutOfProcess)', false))
            : []),
        ],
      }),
    );
  },
};
