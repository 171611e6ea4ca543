/**
 * Preloaded into a `tsx watch` child of the launcher. tsx watch ignores the
 * end of its parent's IPC channel, so a SIGKILLed launcher would leave it and
 * its server running; SIGTERM makes tsx watch stop the server and exit.
 */
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
