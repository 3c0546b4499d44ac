export { createGraphClient, graphCaller, type GraphClient, type GraphClientOptions, type MediaInfo, type SendResult } from './graph-client.js';
export { GraphApiError, GRAPH_CODES, classify, graphErrorFromResponse, graphErrorFromNetwork, type GraphErrorKind, type GraphErrorScope, type GraphErrorBody } from './graph-error.js';
