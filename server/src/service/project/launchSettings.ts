// Properties/launchSettings.json read with offsets: the launch profiles and the IIS / IIS Express site settings that
// matter to ANCM. Parsed with jsonc-parser (comments and trailing commas allowed, as Visual Studio accepts them); a
// half-typed file gives what could be read, never an error. Keys are matched case-insensitively, as Visual Studio's
// reader does for its known properties.
//
// The settings (SchemaStore src/schemas/json/launchsettings.json): profiles.<name>.commandName (IISExpress, IIS, Project…),
// ancmHostingModel (InProcess | OutOfProcess, for IIS and IIS Express), use64Bit (IIS Express 64-bit when true, the
// default; x86 when false), and iisSettings.iisExpress.applicationUrl / iisSettings.iis.applicationUrl (the site URL).

import { type Node, parseTree } from 'jsonc-parser';

/** A JSON value with its token's range (quotes included for a string). `value` is undefined for an object or array. */
export interface LaunchValue {
  readonly value: string | number | boolean | null | undefined;
  readonly start: number;
  readonly end: number;
}

export interface LaunchProfile {
  readonly name: string;
  /** The profile's key, quotes included. */
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly commandName?: LaunchValue;
  readonly ancmHostingModel?: LaunchValue;
  readonly use64Bit?: LaunchValue;
  readonly applicationUrl?: LaunchValue;
}

export interface LaunchSettings {
  readonly text: string;
  readonly profiles: readonly LaunchProfile[];
  readonly iisExpressApplicationUrl?: LaunchValue;
  readonly iisApplicationUrl?: LaunchValue;
}

function member(object: Node | undefined, key: string): { keyNode: Node; valueNode: Node } | undefined {
  if (object?.type !== 'object') return undefined;
  const lower = key.toLowerCase();
  for (const property of object.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode && valueNode && typeof keyNode.value === 'string' && keyNode.value.toLowerCase() === lower) return { keyNode, valueNode };
  }
  return undefined;
}

function valueOf(node: Node | undefined): LaunchValue | undefined {
  if (!node) return undefined;
  const scalar = node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null';
  return { value: scalar ? (node.value as string | number | boolean | null) : undefined, start: node.offset, end: node.offset + node.length };
}

export function readLaunchSettings(text: string): LaunchSettings {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const profilesNode = member(root, 'profiles')?.valueNode;
  const profiles: LaunchProfile[] = [];
  for (const property of profilesNode?.type === 'object' ? profilesNode.children ?? [] : []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    const field = (name: string) => valueOf(member(valueNode, name)?.valueNode);
    const fields = {
      commandName: field('commandName'),
      ancmHostingModel: field('ancmHostingModel'),
      use64Bit: field('use64Bit'),
      applicationUrl: field('applicationUrl'),
    };
    profiles.push({
      name: keyNode.value,
      nameStart: keyNode.offset,
      nameEnd: keyNode.offset + keyNode.length,
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    });
  }
  const iisSettings = member(root, 'iisSettings')?.valueNode;
  const iisExpressApplicationUrl = valueOf(member(member(iisSettings, 'iisExpress')?.valueNode, 'applicationUrl')?.valueNode);
  const iisApplicationUrl = valueOf(member(member(iisSettings, 'iis')?.valueNode, 'applicationUrl')?.valueNode);
  return {
    text,
    profiles,
    ...(iisExpressApplicationUrl && { iisExpressApplicationUrl }),
    ...(iisApplicationUrl && { iisApplicationUrl }),
  };
}

/** The profile's commandName when it is a string. */
export function commandNameOf(profile: LaunchProfile): string | undefined {
  return typeof profile.commandName?.value === 'string' ? profile.commandName.value : undefined;
}
