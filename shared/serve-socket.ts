/** Where and how the page of `pinsight serve` opens its WebSocket to the API (both ends read these). */
export const SOCKET_PATH = '/api/socket';
/** The first sub-protocol the page offers; the second is its access token (a page cannot set headers on a socket). */
export const SOCKET_PROTOCOL = 'pinsight';
/** The largest message a page may send over the socket (a larger call goes as a POST, whose limit is the same). */
export const MAX_MESSAGE = 1 << 20;
