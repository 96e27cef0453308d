import type { Codebook, Variable, VariableSet } from "../model/index.js";
import type { StageDefinition } from "./write-protocol.js";

/**
 * The codebook of the link-worker professional-network interview (thesis section 4.3.3), as synthetic
 * studies write it: node types Person and Organisation, five relation (edge) types, and the ego variables
 * of the thesis's Table 5 plus caseload and whether the link-worker-colleague question was asked.
 *
 * Single-choice questions are `ordinal` variables (a Network Canvas RadioGroup writes the chosen value in
 * one column); `sector` is `categorical` (one true/false column per option, as a CheckboxGroup writes).
 */

export const PERSON = "Person";
export const ORGANISATION = "Organisation";

/** Sector option values, in codebook order. */
export const SECTORS = ["vcs", "healthcare", "local_authority", "other"] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, string> = {
  vcs: "Voluntary and community sector",
  healthcare: "Healthcare",
  local_authority: "Local authority / statutory",
  other: "Other",
};

/** Edge types, in codebook order. */
export const RELATIONS = {
  workTogether: "work_together",
  adviceSupport: "advice_support",
  creatingServices: "creating_services",
  referrals: "referrals",
  worksFor: "works_for",
} as const;

/** Contact frequency option values, most frequent first. */
export const CONTACT_FREQUENCIES = ["daily", "weekly", "monthly", "less_than_monthly"] as const;

/** The sociogram layout variable of both node types. */
export const LAYOUT_VARIABLE = "layout";

/**
 * Relation types a tie between two alters can carry, by their node types:
 * - person–person: the four relations the interview asked about between people (work together, advice and
 *   support, creating services, referrals);
 * - person–organisation: works for, referrals (thesis section 4.3.3);
 * - organisation–organisation (the thesis does not say; our rule): work together (partnership working) and
 *   referrals (a referral pathway between the two organisations).
 * `works_for` is further limited by the generator to one organisation per person.
 */
export function relationTypes(a: string, b: string): readonly string[] {
  const orgs = (a === ORGANISATION ? 1 : 0) + (b === ORGANISATION ? 1 : 0);
  if (orgs === 0) return PERSON_PERSON;
  if (orgs === 1) return PERSON_ORGANISATION;
  return ORGANISATION_ORGANISATION;
}

const PERSON_PERSON = [RELATIONS.workTogether, RELATIONS.adviceSupport, RELATIONS.creatingServices, RELATIONS.referrals];
const PERSON_ORGANISATION = [RELATIONS.worksFor, RELATIONS.referrals];
const ORGANISATION_ORGANISATION = [RELATIONS.workTogether, RELATIONS.referrals];

const options = (values: readonly string[], labels?: Record<string, string>) =>
  values.map((value) => ({ value, label: labels?.[value] ?? value }));

const v = (name: string, type: Variable["type"], extra: Partial<Variable> = {}): [string, Variable] => [
  name,
  { name, type, ...extra },
];

/** The codebook. Variable order is the column order of the export. */
export function linkWorkerCodebook(): Codebook {
  const sector = v("sector", "categorical", { options: options(SECTORS, SECTOR_LABELS) });
  const name = v("name", "text");
  const layout = v(LAYOUT_VARIABLE, "layout");
  const person: VariableSet = Object.fromEntries([
    name,
    v("link_worker", "boolean"),
    sector,
    v("months_known", "number"),
    v("contact_frequency", "ordinal", {
      options: options(CONTACT_FREQUENCIES, {
        daily: "Daily",
        weekly: "Weekly",
        monthly: "Monthly",
        less_than_monthly: "Less than monthly",
      }),
    }),
    layout,
  ]);
  const organisation: VariableSet = Object.fromEntries([name, sector, layout]);
  const ego: VariableSet = Object.fromEntries([
    v("age", "number"),
    v("gender", "ordinal", { options: options(["F", "M"], { F: "Female", M: "Male" }) }),
    v("ethnic_background", "ordinal", {
      options: options([
        "White British",
        "White Irish",
        "Other White",
        "Mixed - White and Black Caribbean",
        "Mixed - other",
        "Indian",
        "Pakistani",
        "Bangladeshi",
        "African",
        "Caribbean",
        "Chinese",
        "Other",
      ]),
    }),
    v("highest_education", "ordinal", { options: options(["Higher Secondary", "College or University", "Postgraduate"]) }),
    v("months_in_post", "number"),
    v("region", "ordinal", {
      options: options([
        "Northeast",
        "Northwest",
        "Yorkshire and the Humber",
        "East Midlands",
        "West Midlands",
        "East",
        "London",
        "Southeast",
        "Southwest",
      ]),
    }),
    v("area_deprivation", "ordinal", {
      options: options(["high", "low", "mixture"], { high: "High", low: "Low", mixture: "Mixture" }),
    }),
    v("imd_decile_gp_practice", "number"),
    v("employing_organisation", "ordinal", {
      options: options(["PCN", "VCS", "Other"], {
        PCN: "Primary Care Network",
        VCS: "Voluntary and community sector",
        Other: "Other (GP practice)",
      }),
    }),
    v("fte", "ordinal", { options: options(["Full time", "Part time"]) }),
    v("caseload", "number"),
    v("lw_question_asked", "boolean"),
  ]);
  const edge = Object.fromEntries(Object.values(RELATIONS).map((type) => [type, {} as VariableSet]));
  return { source: "protocol", ego, node: { [PERSON]: person, [ORGANISATION]: organisation }, edge };
}

/** The questions asked about each person named, on the sociogram or not (the same form for both). */
const PERSON_FIELDS = [
  { variable: "name", prompt: "First name" },
  { variable: "sector", prompt: "Which sector do they work in?" },
  { variable: "months_known", prompt: "How many months have you known them?" },
  { variable: "contact_frequency", prompt: "How often are you in contact?" },
];

/** The interview's stages, for the `.netcanvas` file (netsp itself reads only the codebook). */
export function linkWorkerStages(): StageDefinition[] {
  return [
    {
      type: "EgoForm",
      label: "About you",
      title: "About you and your post",
      fields: [
        ["age", "How old are you?"],
        ["gender", "What is your gender?"],
        ["ethnic_background", "What is your ethnic background?"],
        ["highest_education", "What is your highest level of education?"],
        ["months_in_post", "How many months have you been in this post?"],
        ["region", "Which region do you work in?"],
        ["area_deprivation", "How deprived is the area you work in?"],
        ["imd_decile_gp_practice", "IMD decile of your GP practice"],
        ["employing_organisation", "Who employs you?"],
        ["fte", "Do you work full time or part time?"],
        ["caseload", "How many patients are on your caseload?"],
        ["lw_question_asked", "Was the link-worker colleague question asked?"],
      ].map(([variable, prompt]) => ({ variable, prompt })),
    },
    {
      type: "NameGenerator",
      label: "People",
      nodeType: PERSON,
      title: "About this person",
      fields: PERSON_FIELDS,
      prompts: [
        {
          text: "Who are the people you work with to support your patients?",
          additionalAttributes: { link_worker: false },
        },
      ],
    },
    {
      type: "NameGenerator",
      label: "Organisations",
      nodeType: ORGANISATION,
      title: "About this organisation",
      fields: [
        { variable: "name", prompt: "Name of the organisation" },
        { variable: "sector", prompt: "Which sector is it in?" },
      ],
      prompts: [{ text: "Which organisations do you work with?" }],
    },
    {
      type: "NameGenerator",
      label: "Link-worker colleagues",
      nodeType: PERSON,
      title: "About this colleague",
      fields: PERSON_FIELDS,
      prompts: [
        { text: "Which other link workers do you work with?", additionalAttributes: { link_worker: true } },
      ],
    },
    {
      type: "Sociogram",
      label: "Connections",
      nodeType: PERSON,
      layoutVariable: LAYOUT_VARIABLE,
      prompts: [
        { text: "Place the people you named, then connect those who work together.", createEdge: RELATIONS.workTogether },
        { text: "Connect the people who give each other advice and support.", createEdge: RELATIONS.adviceSupport },
        { text: "Connect the people who create services together.", createEdge: RELATIONS.creatingServices },
        { text: "Connect the people who refer to each other.", createEdge: RELATIONS.referrals },
      ],
    },
    {
      type: "Sociogram",
      label: "Organisations",
      nodeType: ORGANISATION,
      layoutVariable: LAYOUT_VARIABLE,
      prompts: [
        { text: "Connect each person to the organisation they work for.", createEdge: RELATIONS.worksFor },
        { text: "Connect people and organisations that refer to each other.", createEdge: RELATIONS.referrals },
      ],
    },
  ];
}
