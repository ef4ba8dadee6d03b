// Signs a webhook body the way Stripe does, with Stripe's own Node library:
//   node stripe-sign.mjs <secret> <unix-seconds> < body.json
// prints the Stripe-Signature header value.
import Stripe from 'stripe';

const [secret, timestamp] = process.argv.slice(2);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const payload = Buffer.concat(chunks).toString('utf8');
const stripe = new Stripe('sk_test_unused');
process.stdout.write(
  stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Number(timestamp) }),
);
