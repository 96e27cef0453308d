import { SaxesParser } from "saxes";

/** For tests: an element of a parsed XML document. */
export interface XmlElement {
  name: string;
  /** Its namespace URI. */
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside the element. */
  text: string;
}

/** Parses SVG with saxes (namespace-aware, strict): throws on anything not well-formed or outside the SVG namespace. */
export function parseXml(xml: string): XmlElement {
  return parseXmlIn(xml, "http://www.w3.org/2000/svg", "SVG");
}

/** Parses XML with saxes (namespace-aware, strict): throws on anything not well-formed, or with an element outside `namespace`. Returns the root. */
export function parseXmlIn(xml: string, namespace: string, name: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, a] of Object.entries(tag.attributes)) attributes[name] = typeof a === "string" ? a : a.value;
    const element: XmlElement = { name: tag.local, uri: tag.uri, attributes, children: [], text: "" };
    if (tag.uri !== namespace) throw new Error(`element <${tag.name}> is not in the ${name} namespace (uri "${tag.uri}")`);
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("text", (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

/** Every element below (and including) `root` that matches. */
export function findAll(root: XmlElement, match: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (match(e)) out.push(e);
    e.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** Whether an element has a class. */
export function hasClass(e: XmlElement, name: string): boolean {
  return (e.attributes.class ?? "").split(/\s+/).includes(name);
}
