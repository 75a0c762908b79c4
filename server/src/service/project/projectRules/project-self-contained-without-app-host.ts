// A self-contained app is started by its apphost: with UseAppHost=false the SDK stops the build with NETSDK1067
// "Self-contained applications are required to use the application host. Either set SelfContained to false or set
// UseAppHost to true." (dotnet/sdk src/Tasks/Common/Resources/Strings.resx).

import { SELF_CONTAINED, USE_APP_HOST, findProjectProperty } from '../../../ancm/projectProperties';
import { evaluatedValue } from '../msbuildProject';
import { type ProjectRule, isTrue, perElement, propertySpan, propertyValueFix } from './projectRule';

export const projectSelfContainedWithoutAppHost: ProjectRule = {
  id: 'project-self-contained-without-app-host',
  description: 'UseAppHost=false with SelfContained=true: the build fails with NETSDK1067.',
  defaultSeverity: 'error',
  docsUrl: findProjectProperty(USE_APP_HOST)!.docsUrl,
  check(context) {
    const { project } = context;
    return perElement(
      context,
      ({ values }) => {
        const useAppHost = evaluatedValue(values, USE_APP_HOST)?.trim().toLowerCase();
        return useAppHost === 'false' && isTrue(evaluatedValue(values, SELF_CONTAINED)) ? values.get(USE_APP_HOST)?.property : undefined;
      },
      (property, where) => ({
        message: `A self-contained app needs its apphost${where}: the build fails with NETSDK1067. Set UseAppHost to true (or SelfContained to false).`,
        ...propertySpan(property),
        fixes: [propertyValueFix(project, property, 'true', 'Use the apphost (UseAppHost=true)', true)],
      }),
    );
  },
};
