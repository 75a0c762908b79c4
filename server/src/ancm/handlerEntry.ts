// The `aspNetCore` handler line as the .NET Web SDK writes it on publish (dotnet/sdk
// WebConfigTransform.cs TransformHandlers): attribute order and values.

export const STANDARD_HANDLER_ATTRIBUTES: readonly (readonly [name: string, value: string])[] = [
  ['name', 'aspNetCore'],
  ['path', '*'],
  ['verb', '*'],
  ['modules', 'AspNetCoreModuleV2'],
  ['resourceType', 'Unspecified'],
];

/** `<add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />` */
export const STANDARD_HANDLER_LINE = `<add ${STANDARD_HANDLER_ATTRIBUTES.map(([name, value]) => `${name}="${value}"`).join(' ')} />`;
