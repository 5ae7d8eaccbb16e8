/**
 * What the CLI writes to a terminal carries no control sequence: ESC (colours, clearing the
 * screen, OSC window titles and links), BEL, backspace, carriage return, the C1 controls
 * (CSI and OSC have one-character forms there) and bidi overrides are dropped, whatever
 * their origin — a page, a file name, the model, an error message.
 */
const CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing controls is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, '');
}
