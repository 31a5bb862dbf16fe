/** An error in what the user gave us (arguments, config, flow file): reported as is, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
