import { writeFileSync } from "node:fs";
import { lazyModule } from "../lazy-module.js";
import { OutputError } from "../errors.js";
import type { Codebook, Variable, VariableSet } from "../model/index.js";
import { deriveSeed, Random } from "../random.js";

const fflate = lazyModule<typeof import("fflate")>("fflate");

/** A Network Canvas protocol to write: its name (the `.netcanvas` file name), codebook and stages. */
export interface ProtocolDefinition {
  name: string;
  description: string;
  /** ISO timestamp written as `lastModified`, and the zip entries' modification time. */
  lastModified: string;
  codebook: Codebook;
  stages: StageDefinition[];
}

/** Interview stages, naming node types and variables by codebook name. */
export type StageDefinition =
  | { type: "EgoForm"; label: string; title: string; fields: FieldDefinition[] }
  | {
      type: "NameGenerator";
      label: string;
      nodeType: string;
      title: string;
      fields: FieldDefinition[];
      prompts: PromptDefinition[];
    }
  | {
      type: "Sociogram";
      label: string;
      nodeType: string;
      layoutVariable: string;
      prompts: Array<{ text: string; createEdge?: string }>;
    };

export interface FieldDefinition {
  variable: string;
  prompt: string;
}

export interface PromptDefinition {
  text: string;
  additionalAttributes?: Record<string, string | number | boolean>;
}

/** The input control Network Canvas Architect pairs with each variable type. */
const COMPONENT: Partial<Record<Variable["type"], string>> = {
  text: "Text",
  number: "Number",
  boolean: "Toggle",
  ordinal: "RadioGroup",
  categorical: "CheckboxGroup",
  datetime: "DatePicker",
};

/**
 * The `protocol.json` object (schema version 7, as Network Canvas Interviewer 6 reads): codebook entries
 * keyed by UUIDs, which are derived from the type and variable names so the same codebook always gets the
 * same ids. Deterministic: no clock, no randomness beyond those derived ids.
 *
 * Example: buildProtocolJson(def).codebook.node[<id>].name === "Person".
 */
export function buildProtocolJson(definition: ProtocolDefinition): Record<string, unknown> {
  const ids = new ProtocolIds(definition.codebook);
  const variables = (owner: string, set: VariableSet) =>
    Object.fromEntries(
      Object.values(set).map((variable) => {
        const entry: Record<string, unknown> = { name: variable.name, type: variable.type };
        const component = COMPONENT[variable.type];
        if (component) entry.component = component;
        if (variable.options) entry.options = variable.options.map((o) => ({ label: o.label, value: o.value }));
        return [ids.variable(owner, variable.name), entry];
      }),
    );
  const codebook = {
    node: Object.fromEntries(
      Object.entries(definition.codebook.node).map(([type, set], i) => [
        ids.type("node", type),
        { name: type, color: `node-color-seq-${i + 1}`, iconVariant: "add-a-person", variables: variables(`node:${type}`, set) },
      ]),
    ),
    edge: Object.fromEntries(
      Object.entries(definition.codebook.edge).map(([type, set], i) => {
        const entry: Record<string, unknown> = { name: type, color: `edge-color-seq-${i + 1}` };
        if (Object.keys(set).length > 0) entry.variables = variables(`edge:${type}`, set);
        return [ids.type("edge", type), entry];
      }),
    ),
    ego: { variables: variables("ego", definition.codebook.ego) },
  };
  const stages = definition.stages.map((stage, i) => buildStage(stage, i, ids));
  return {
    description: definition.description,
    lastModified: definition.lastModified,
    schemaVersion: 7,
    stages,
    codebook,
    assetManifest: {},
  };
}

/**
 * The `.netcanvas` file: a zip holding `assets/` and `protocol.json`, with fixed modification times so the
 * bytes depend only on the definition (the zip's DOS times are local; they are built from local fields).
 */
export function netcanvasBytes(definition: ProtocolDefinition): Uint8Array {
  const json = fflate().strToU8(JSON.stringify(buildProtocolJson(definition), null, 2) + "\n");
  const t = new Date(definition.lastModified);
  if (Number.isNaN(t.getTime())) throw new OutputError(`protocol lastModified is not a timestamp: ${definition.lastModified}`);
  const mtime = new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
  return fflate().zipSync({ assets: [{}, { mtime }], "protocol.json": [json, { mtime }] }, { level: 6, os: 3 });
}

/** Writes `<file>` (normally `<name>.netcanvas`). */
export function writeProtocol(file: string, definition: ProtocolDefinition): void {
  try {
    writeFileSync(file, netcanvasBytes(definition));
  } catch (e) {
    throw new OutputError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

/** Stable UUIDs for codebook entries and stages, derived from their names. */
class ProtocolIds {
  constructor(private readonly codebook: Codebook) {}
  type(entity: "node" | "edge", name: string): string {
    return idFor("type", entity, name);
  }
  variable(owner: string, name: string): string {
    return idFor("variable", owner, name);
  }
  nodeVariable(type: string, name: string): string {
    if (!this.codebook.node[type]?.[name]) throw new OutputError(`protocol stage names unknown variable ${type}.${name}`);
    return this.variable(`node:${type}`, name);
  }
  egoVariable(name: string): string {
    if (!this.codebook.ego[name]) throw new OutputError(`protocol stage names unknown ego variable ${name}`);
    return this.variable("ego", name);
  }
  nodeType(name: string): string {
    if (!this.codebook.node[name]) throw new OutputError(`protocol stage names unknown node type ${name}`);
    return this.type("node", name);
  }
  edgeType(name: string): string {
    if (!this.codebook.edge[name]) throw new OutputError(`protocol stage names unknown edge type ${name}`);
    return this.type("edge", name);
  }
}

/**
 * The codebook UUID `buildProtocolJson` gives a variable: `owner` is `ego`, `node:<type>` or `edge:<type>`.
 * GraphML keys are named by these ids, as Network Canvas names them by the protocol's.
 */
export function protocolVariableId(owner: string, name: string): string {
  return idFor("variable", owner, name);
}

function idFor(...labels: string[]): string {
  return new Random(deriveSeed(0, "protocol", ...labels)).uuid();
}

function buildStage(stage: StageDefinition, index: number, ids: ProtocolIds): Record<string, unknown> {
  const id = idFor("stage", String(index), stage.label);
  const promptId = (i: number) => idFor("prompt", String(index), String(i));
  switch (stage.type) {
    case "EgoForm":
      return {
        id,
        type: "EgoForm",
        label: stage.label,
        introductionPanel: { title: stage.title, text: "Please answer a few questions about yourself." },
        form: { fields: stage.fields.map((f) => ({ variable: ids.egoVariable(f.variable), prompt: f.prompt })) },
      };
    case "NameGenerator":
      return {
        id,
        type: "NameGenerator",
        label: stage.label,
        subject: { entity: "node", type: ids.nodeType(stage.nodeType) },
        form: {
          title: stage.title,
          fields: stage.fields.map((f) => ({ variable: ids.nodeVariable(stage.nodeType, f.variable), prompt: f.prompt })),
        },
        prompts: stage.prompts.map((p, i) => {
          const prompt: Record<string, unknown> = { id: promptId(i), text: p.text };
          if (p.additionalAttributes) {
            prompt.additionalAttributes = Object.entries(p.additionalAttributes).map(([variable, value]) => ({
              variable: ids.nodeVariable(stage.nodeType, variable),
              value,
            }));
          }
          return prompt;
        }),
      };
    case "Sociogram":
      return {
        id,
        type: "Sociogram",
        label: stage.label,
        subject: { entity: "node", type: ids.nodeType(stage.nodeType) },
        background: { concentricCircles: 3, skewedTowardCenter: true },
        prompts: stage.prompts.map((p, i) => {
          const prompt: Record<string, unknown> = {
            id: promptId(i),
            text: p.text,
            layout: { layoutVariable: ids.nodeVariable(stage.nodeType, stage.layoutVariable) },
          };
          if (p.createEdge) prompt.edges = { create: ids.edgeType(p.createEdge) };
          return prompt;
        }),
      };
  }
}
