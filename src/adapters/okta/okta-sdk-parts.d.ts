// Types of the parts of @okta/okta-sdk-nodejs that License Doctor loads by path (okta-rest-client.ts says why): the
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
