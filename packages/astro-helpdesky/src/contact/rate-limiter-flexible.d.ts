// The four classes the Contact Form uses, imported one by one: the package's index loads every
// limiter it has (Mongo, Postgres, Dynamo…), 100 KB the Vercel function would carry for nothing.
declare module "rate-limiter-flexible/lib/RateLimiterMemory.js" {
  export { RateLimiterMemory as default } from "rate-limiter-flexible";
}
declare module "rate-limiter-flexible/lib/RateLimiterRedis.js" {
  export { RateLimiterRedis as default } from "rate-limiter-flexible";
}
declare module "rate-limiter-flexible/lib/RateLimiterRes.js" {
  export { RateLimiterRes as default } from "rate-limiter-flexible";
}
declare module "rate-limiter-flexible/lib/RLWrapperTimeouts.js" {
  export { RLWrapperTimeouts as default } from "rate-limiter-flexible";
}
