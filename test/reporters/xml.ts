/**
 * A small, strict XML 1.0 reader for tests: it throws on anything not well-formed (mismatched
 * tags, a raw `<` or `&` in text, `]]>` in text, an unknown entity, characters XML forbids) and
 * decodes entities, so assertions see the text a CI server would see.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string, where: string): string {
  if (/<|]]>/.test(text) && where === 'text') throw new Error(`illegal markup in text: ${JSON.stringify(text)}`);
  return text.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated entity in ${where}: ${JSON.stringify(text)}`);
    if (name in NAMED) return NAMED[name]!;
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#([0-9]+)$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${name}; in ${where}`);
    return String.fromCodePoint(name.startsWith('#x') ? parseInt(code, 16) : parseInt(code, 10));
  });
}

/** Parses a document and returns its root element. */
export function parseXml(xml: string): XmlElement {
  const bad = ILLEGAL.exec(xml);
  if (bad) throw new Error(`character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} is not allowed in XML 1.0`);
  let rest = xml.replace(/^\uFEFF?<\?xml[^?]*\?>/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/;
  while (rest.length) {
    const top = stack.at(-1)!;
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) throw new Error('unterminated comment');
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<![CDATA[')) {
      const end = rest.indexOf(']]>');
      if (end < 0) throw new Error('unterminated CDATA');
      top.text += rest.slice(9, end);
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('</')) {
      const match = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest);
      if (!match || match[1] !== top.name) throw new Error(`mismatched close tag ${rest.slice(0, 30)} for <${top.name}>`);
      stack.pop();
      rest = rest.slice(match[0].length);
    } else if (rest.startsWith('<')) {
      const match = tag.exec(rest);
      if (!match) throw new Error(`malformed tag: ${rest.slice(0, 40)}`);
      if (stack.length === 1 && root.children.length) throw new Error('more than one root element');
      const attributes: Record<string, string> = {};
      for (const attr of match[2]!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (attr[1]! in attributes) throw new Error(`duplicate attribute ${attr[1]}`);
        // Attribute-value normalisation: raw tabs and newlines read as spaces.
        attributes[attr[1]!] = decode((attr[2] ?? attr[3] ?? '').replace(/[\t\n\r]/g, ' '), 'attribute');
      }
      const element: XmlElement = { name: match[1]!, attributes, children: [], text: '' };
      top.children.push(element);
      if (!match[3]) stack.push(element);
      rest = rest.slice(match[0].length);
    } else {
      const end = rest.indexOf('<');
      const raw = end < 0 ? rest : rest.slice(0, end);
      if (stack.length === 1 && raw.trim()) throw new Error('text outside the root element');
      top.text += decode(raw, 'text');
      rest = end < 0 ? '' : rest.slice(end);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  const [only] = root.children;
  if (!only) throw new Error('no root element');
  return only;
}

/** Child elements named `name`. */
export const childrenOf = (element: XmlElement, name: string) => element.children.filter((child) => child.name === name);

/** The one child named `name`, or a thrown error. */
export function childOf(element: XmlElement, name: string): XmlElement {
  const found = childrenOf(element, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${element.name}>, found ${found.length}`);
  return found[0]!;
}
