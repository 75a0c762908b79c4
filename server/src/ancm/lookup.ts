// Name lookups over the knowledge tables, with the comparison each name gets in IIS and ANCM:
// IIS attribute and element names are case-sensitive; ANCM matches handler-setting names and
// environment-variable names case-insensitively.

import { ASPNETCORE_ATTRIBUTES } from './attributes';
import { ASPNETCORE_COLLECTIONS } from './collections';
import { ENVIRONMENT_VARIABLES } from './environmentVariables';
import { HANDLER_SETTINGS } from './handlerSettings';
import type { AttributeSpec, CollectionSpec, EnvironmentVariableSpec, HandlerSettingSpec, HostingModel, HostingModelScope } from './types';

export function findAttribute(name: string): AttributeSpec | undefined {
  return ASPNETCORE_ATTRIBUTES.find((attribute) => attribute.name === name);
}

export function findCollection(name: string): CollectionSpec | undefined {
  return ASPNETCORE_COLLECTIONS.find((collection) => collection.name === name);
}

export function findHandlerSetting(name: string): HandlerSettingSpec | undefined {
  const lower = name.toLowerCase();
  return HANDLER_SETTINGS.find((setting) => setting.name.toLowerCase() === lower);
}

export function findEnvironmentVariable(name: string): EnvironmentVariableSpec | undefined {
  const lower = name.toLowerCase();
  return ENVIRONMENT_VARIABLES.find((variable) => variable.name.toLowerCase() === lower);
}

/** Whether a setting scoped to `scope` has an effect under `model` (an unknown model matches everything). */
export function appliesTo(scope: HostingModelScope, model: HostingModel | undefined): boolean {
  return scope === 'both' || model === undefined || scope === model;
}

export function describeScope(scope: HostingModelScope): string {
  if (scope === 'inprocess') return 'in-process only';
  if (scope === 'outofprocess') return 'out-of-process only';
  return 'in-process and out-of-process';
}
