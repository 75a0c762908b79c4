// HTML's named character references that people paste into web.config values. XML defines none of them
// (only amp, lt, gt, quot and apos, XML 1.0 section 4.6), so each is rewritten as the numeric character
// reference of the same character, which every XML parser reads. The code points are HTML 4.01's
// (section 24, "Character entity references in HTML 4"), which HTML5 keeps unchanged.

/** ISO 8859-1 characters 160 to 255, in code point order (HTML 4.01, section 24.2). */
const LATIN_1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

/** Punctuation, currency and arrows from HTML 4.01 sections 24.3 and 24.4. */
const SPECIAL: Record<string, number> = {
  OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376, fnof: 402, circ: 710, tilde: 732,
  ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206, rlm: 8207, ndash: 8211, mdash: 8212,
  lsquo: 8216, rsquo: 8217, sbquo: 8218, ldquo: 8220, rdquo: 8221, bdquo: 8222, dagger: 8224, Dagger: 8225,
  bull: 8226, hellip: 8230, permil: 8240, prime: 8242, Prime: 8243, lsaquo: 8249, rsaquo: 8250, oline: 8254,
  frasl: 8260, euro: 8364, trade: 8482, larr: 8592, uarr: 8593, rarr: 8594, darr: 8595, harr: 8596, minus: 8722,
};

const CODE_POINTS = new Map<string, number>([...LATIN_1.split(' ').map((name, index): [string, number] => [name, 160 + index]), ...Object.entries(SPECIAL)]);

/** The code point an HTML entity name stands for (case-sensitive, as in HTML), or undefined for another name. */
export function htmlEntityCodePoint(name: string): number | undefined {
  return CODE_POINTS.get(name);
}
