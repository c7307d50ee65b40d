// Types of the parts of @okta/okta-sdk-nodejs that License Doctor loads by path (okta-http.ts says why): the
// package ships their declarations under src/types/, beside rather than next to the modules.
declare module '@okta/okta-sdk-nodejs/src/http.js' {
  export { Http } from '@okta/okta-sdk-nodejs/src/types/http.js';
}
declare module '@okta/okta-sdk-nodejs/src/oauth.js' {
  export { OAuth } from '@okta/okta-sdk-nodejs/src/types/oauth.js';
}
declare module '@okta/okta-sdk-nodejs/src/default-request-executor.js' {
  export { DefaultRequestExecutor } from '@okta/okta-sdk-nodejs/src/types/default-request-executor.js';
}
declare module '@okta/okta-sdk-nodejs/src/api-error.js' {
  import type { OktaApiError } from '@okta/okta-sdk-nodejs/src/types/api-error.js';
  const OktaApiErrorClass: typeof OktaApiError;
  export default OktaApiErrorClass;
}
declare module '@okta/okta-sdk-nodejs/src/http-error.js' {
  import type { HttpError } from '@okta/okta-sdk-nodejs/src/types/http-error.js';
  const HttpErrorClass: typeof HttpError;
  export default HttpErrorClass;
}
declare module '@okta/okta-sdk-nodejs/src/dpop.js' {
  export function generateDpopJwt(request: { method: string; url: string } | null, client: { privateKey: string; baseUrl: string }, accessToken?: string | null, nonce?: string | null): Promise<string>;
}
