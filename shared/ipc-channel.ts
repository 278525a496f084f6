/** The one IPC channel between the renderer's preload and the main process. */
export const IPC_CHANNEL = 'pinsight:call';

/** Asks the main process to show the native "open files" dialog; answers the chosen paths. */
export const CHOOSE_FILES_CHANNEL = 'pinsight:choose-files';
