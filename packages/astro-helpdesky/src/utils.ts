// Side-effect-free helpers a site's own routes may share with the integration.
export {
  BodyAbortedError,
  BodyTooLargeError,
  readLimitedBody,
  readLimitedForm,
} from "./contact/read-body.ts";
export { MAX_EMAIL_LENGTH, signEmail } from "./sign.ts";
