/** Where an ego id was first read: `file:line`, and that interview's networkCanvasEgoUUID. */
export interface EgoIdSeen {
  at: string;
  egoUUID: string;
}

/**
 * The message for an ego id read twice. Users keep each download as its own zip (or folder) beside the
 * others, so the same interview read twice is most often one download kept twice: the message then names the
 * two zips or folders and says to keep one. Two different interviews with one case id are a panel study's
 * waves, or a typing slip: the message suggests `--ego-id sessionId`.
 *
 * Example: ego id case_1 in `b.zip/case_1_…_ego.csv:2`, first in `a.zip/case_1_…_ego.csv:2`, same egoUUID →
 * "ego id case_1 is used twice: the same interview is in b.zip and in a.zip (at a.zip/…:2); keep one copy".
 */
export function duplicateEgoIdMessage(egoId: string, here: EgoIdSeen, first: EgoIdSeen, egoIdField: string): string {
  const sameInterview = here.egoUUID !== "" && here.egoUUID === first.egoUUID;
  if (sameInterview) {
    const [mine, theirs] = [containerOf(here.at), containerOf(first.at)];
    if (mine !== theirs) {
      return (
        `ego id ${egoId} is used twice: the same interview (networkCanvasEgoUUID ${here.egoUUID}) is in ${mine || "the input folder"} ` +
        `and in ${theirs || "the input folder"} (at ${first.at}), two downloads of one export? Keep one copy of it in the folder`
      );
    }
    return `ego id ${egoId} is used twice: here and at ${first.at}, the same interview (networkCanvasEgoUUID ${here.egoUUID}) read twice`;
  }
  return `ego id ${egoId} is used twice: here and at ${first.at}${
    egoIdField === "caseId" ? " (several interviews with one case id? try --ego-id sessionId)" : ""
  }`;
}

/**
 * The zip (or else the folder) a file of the input sits in, as its name shows it: `b.zip` for
 * `b.zip/case_1_ego.csv:2`, `wave2` for `wave2/case_1_ego.csv:2`, "" for a file at the top of the input.
 */
export function containerOf(at: string): string {
  const file = at.replace(/:\d+$/, "");
  const parts = file.split("/");
  parts.pop();
  for (let i = parts.length - 1; i >= 0; i--) if (/\.zip$/i.test(parts[i])) return parts.slice(0, i + 1).join("/");
  return parts.join("/");
}
