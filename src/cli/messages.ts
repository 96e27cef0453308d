import { chalkStderr } from "chalk";

/** Messages for people go to stderr; colour only when stderr is a terminal (chalk checks). */
const err = chalkStderr;

export function info(message: string): void {
  process.stderr.write(message + "\n");
}

export function warn(message: string): void {
  process.stderr.write(err.yellow("warning: ") + message + "\n");
}

export function error(message: string): void {
  process.stderr.write(err.red("error: ") + message + "\n");
}

export function success(message: string): void {
  process.stderr.write(err.green(message) + "\n");
}

export const style = {
  bold: (s: string) => err.bold(s),
  dim: (s: string) => err.dim(s),
  red: (s: string) => err.red(s),
  yellow: (s: string) => err.yellow(s),
  green: (s: string) => err.green(s),
};
