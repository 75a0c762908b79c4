// How a name in xdt:Transform or xdt:Locator resolves to a type, as dotnet/xdt
// src/Microsoft.Web.XmlTransform/NamedTypeFactory.cs does it: a case-sensitive look-up of
// `Microsoft.Web.XmlTransform.<name>` in the engine's assembly; a type that is not a subclass of the wanted base is
// "not a type of", one without a public no-argument constructor cannot be instantiated.

import { LOCATOR_NAMES, type LocatorName } from './xdtLocators';
import { XdtFailure, xdtMessages } from './xdtMessages';

export const TRANSFORM_NAMES = [
  'Replace', 'Remove', 'RemoveAll', 'Insert', 'InsertIfMissing', 'InsertBefore', 'InsertAfter',
  'SetAttributes', 'RemoveAttributes', 'CommentOut', 'SetTokenizedAttributes',
] as const;
export type TransformName = (typeof TRANSFORM_NAMES)[number];

const NAMESPACE = 'Microsoft.Web.XmlTransform';

/** Abstract subclasses of Transform in the assembly: found, but with no public constructor. */
const ABSTRACT_TRANSFORMS = new Set(['AttributeTransform', 'InsertBase']);

/** Other types of the engine's namespace (XmlTransforms.cs, XmlTransform.cs, XmlLocator.cs and the rest): found, but of the wrong base type. */
const OTHER_TYPES = new Set([
  'Transform', 'Locator', 'XmlTransformation', 'XmlTransformableDocument', 'XmlFileInfoDocument', 'XmlNodeException',
  'XmlTransformationException', 'XmlTransformationLogger', 'IXmlTransformationLogger', 'IXmlOriginalDocumentService',
  'SetTokenizedAttributeStorage', 'MissingTargetMessage', 'TransformFlags', 'XPathAxis', 'MessageType', 'CommonErrors',
  'XmlElementContext', 'XmlNodeContext', 'XmlFormatter', 'NamedTypeFactory', 'XmlArgumentUtility',
  'XmlAttributePreservationDict', 'XmlAttributePreservationProvider', 'XmlAttributePreservingWriter',
]);

function isOneOf<T extends string>(names: readonly T[], name: string): name is T {
  return (names as readonly string[]).includes(name);
}

export function resolveTransform(name: string): TransformName {
  if (isOneOf(TRANSFORM_NAMES, name)) return name;
  if (ABSTRACT_TRANSFORMS.has(name)) throw new XdtFailure(xdtMessages.noValidConstructor(`${NAMESPACE}.${name}`));
  if (isOneOf(LOCATOR_NAMES, name) || OTHER_TYPES.has(name)) throw new XdtFailure(xdtMessages.incorrectBaseType(`${NAMESPACE}.${name}`, 'Transform'));
  throw new XdtFailure(xdtMessages.unknownTypeName(name, 'Transform'));
}

export function resolveLocator(name: string): LocatorName {
  if (isOneOf(LOCATOR_NAMES, name)) return name;
  if (isOneOf(TRANSFORM_NAMES, name) || ABSTRACT_TRANSFORMS.has(name) || OTHER_TYPES.has(name)) throw new XdtFailure(xdtMessages.incorrectBaseType(`${NAMESPACE}.${name}`, 'Locator'));
  throw new XdtFailure(xdtMessages.unknownTypeName(name, 'Locator'));
}
