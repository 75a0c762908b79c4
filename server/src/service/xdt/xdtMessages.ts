// The engine's message texts, from dotnet/xdt src/Microsoft.Web.XmlTransform/Properties/Resources.resx
// (XMLTRANSFORMATION_*), so a problem here reads as the publish log would.

export const xdtMessages = {
  badAttributeValue: () => 'Transform and Locator attributes must contain only a type name, or a type name followed by a list of attributes in parentheses.',
  unknownTypeName: (name: string, baseType: string) => `Could not resolve '${name}' as a type of ${baseType}`,
  incorrectBaseType: (fullName: string, baseType: string) => `'${fullName}' is not a type of ${baseType}`,
  noValidConstructor: (fullName: string) => `Type '${fullName}' must have a no-argument constructor to be instantiated by the transformation engine`,
  insertBadXPath: (xpath: string) => `No element in the source document matches '${xpath}'`,
  insertBadXPathResult: (xpath: string) => `'${xpath}' does not evaluate to an element`,
  insertMissingArgument: (name: string) => `${name} requires an XPath argument`,
  insertTooManyArguments: (name: string) => `Too many arguments to ${name}`,
  matchAttributeDoesNotExist: (name: string) => `No attribute '${name}' exists for the Match Locator`,
  requiresMinimumArguments: (name: string, min: number) => `${name} requires at least ${min} arguments`,
  requiresExactArguments: (name: string, count: number) => `${name} requires exactly ${count} arguments`,
  transformArgumentFoundNoAttributes: (argument: string) => `Argument '${argument}' did not match any attributes`,
  transformDoesNotExpectArguments: (name: string) => `${name} does not expect arguments; ignoring`,
  noRemoveAttributes: () => 'No attributes found to remove',
  noSetAttributes: () => 'No attributes found to set',
  noMatchingTargetNodes: (xpath: string) => `No element in the source document matches '${xpath}'`,
  transformOnlyAppliesOnce: (name: string) => `Found multiple target elements, but the '${name}' Transform only applies to the first match`,
  sourceMatchWasRemoved: (xpath: string) => `'${xpath}' did not find a match, because matching nodes in the source document were modified or removed by a previous transform`,
  unknownXdtTag: (name: string) => `Unknown tag '${name}'`,
  invalidCommentOutTarget: () => 'Cannot comment out the whole XML document',
  importUnknownAttribute: (name: string) => `Import tag does not support '${name}' attribute`,
  importAttributeConflict: () => "Import tag cannot have both a 'path' and an 'assembly'",
  importMissingAssembly: () => "Import tag must have a 'path' or an 'assembly'",
  importMissingNamespace: () => "Import tag must have a 'namespace'",
  // Not the engine's: it would load the assembly and run its code, which a static preview cannot do.
  importNotSupported: (what: string) => `xdt:Import of ${what} is not evaluated here: transforms and locators it defines are reported as unknown`,
  // System.Xml texts (dotnet/runtime src/libraries/System.Private.Xml/src/Resources/Strings.resx) the engine passes on.
  nullReference: () => 'Object reference not set to an instance of an object.',
  dualDocumentElement: () => "This document already has a 'DocumentElement' node.",
  insertTypeConflict: () => 'The specified node cannot be inserted as the valid child of this node, because the specified node is the wrong type.',
  invalidBoolean: (value: string) => `String '${value}' was not recognized as a valid Boolean.`,
} as const;

/** An exception inside the engine; `at` is the transform node it is reported on (XmlNodeException's node). */
export class XdtFailure extends Error {
  constructor(message: string, readonly at?: { readonly start: number; readonly end: number }) {
    super(message);
  }
}
