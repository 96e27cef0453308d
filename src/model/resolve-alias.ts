import type { StudyConfig } from "./study-config.js";

/** Resolves a variable name through the config's aliases (`deprivation` → `area_deprivation`). */
export function resolveAlias(name: string, config: StudyConfig): string {
  return config.aliases?.[name] ?? name;
}
