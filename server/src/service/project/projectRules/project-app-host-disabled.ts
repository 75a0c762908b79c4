// With UseAppHost=false the Web SDK writes processPath="dotnet" arguments=".\App.dll" into web.config even when a
// RuntimeIdentifier is set (Microsoft.NET.Sdk.Publish.TransformFiles.targets _UseAppHost; WebConfigTransform.cs
// TransformAspNetCore): the app then runs on the server's shared runtime through dotnet.exe, not through its own .exe.
// Self-contained apps are project-self-contained-without-app-host's case.

import { RUNTIME_IDENTIFIER, SELF_CONTAINED, USE_APP_HOST, findProjectProperty } from '../../../ancm/projectProperties';
import { evaluatedValue } from '../msbuildProject';
import { type ProjectRule, isTrue, perElement, propertySpan } from './projectRule';

export const projectAppHostDisabled: ProjectRule = {
  id: 'project-app-host-disabled',
  description: 'UseAppHost=false with a RuntimeIdentifier: publish writes processPath="dotnet", not the app\'s .exe.',
  defaultSeverity: 'information',
  docsUrl: findProjectProperty(USE_APP_HOST)!.docsUrl,
  check(context) {
    return perElement(
      context,
      ({ values }) => {
        const useAppHost = evaluatedValue(values, USE_APP_HOST)?.trim().toLowerCase();
        const rid = evaluatedValue(values, RUNTIME_IDENTIFIER)?.trim();
        if (useAppHost !== 'false' || !rid || isTrue(evaluatedValue(values, SELF_CONTAINED))) return undefined;
        return values.get(USE_APP_HOST)?.property;
      },
      (property, where) => ({
        message: `With UseAppHost=false${where}, publish writes processPath="dotnet" and the .dll as arguments: IIS runs the app on the server's shared runtime, not an .exe.`,
        ...propertySpan(property),
      }),
    );
  },
};
