/** Global test setup: nothing shared yet beyond a clean environment for child processes. */
export default function setup(): void {
  delete process.env.REVIVE_DATA_DIR;
}
