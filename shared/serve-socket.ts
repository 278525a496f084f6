/** Where and how the page of `pinsight serve` opens its WebSocket to the API (both ends read these). */
export const SOCKET_PATH = '/api/socket';
/** The first sub-protocol the page offers; the second is its access token (a page cannot set headers on a socket). */
export const SOCKET_PROTOCOL = 'pinsight';
