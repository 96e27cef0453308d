import type { StudyConfig } from "./study-config.js";

/** Resolves a variable name through the config's aliases (`deprivation` → `area_deprivation`). */
export function resolveAlias(name: string, config: StudyConfig): string {
  const aliases = config.aliases;
  return aliases !== undefined && Object.hasOwn(aliases, name) ? aliases[name] : name;
}
