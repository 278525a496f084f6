/** The one IPC channel between the renderer's preload and the main process. */
export const IPC_CHANNEL = 'pinsight:call';
