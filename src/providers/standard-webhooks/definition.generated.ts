// Generated from src/providers/standard-webhooks/standard-webhooks.provider.yaml by `npx tsx scripts/gen-provider-definitions.ts`. Do not edit by hand: edit the YAML.

/** The provider file src/providers/standard-webhooks/standard-webhooks.provider.yaml, as data. */
export const standardWebhooksDefinition: unknown = {
  "hooksim": "provider/v1",
  "name": "standard-webhooks",
  "title": "Standard Webhooks (Clerk-style user events)",
  "notes": [
    "Signed per the Standard Webhooks spec: webhook-id, webhook-timestamp, webhook-signature: v1,<base64> over id.timestamp.body; key whsec_<base64> (--option signingKey=whsec_...).",
    "Payloads in the shape Clerk sends (object: event, type, timestamp in ms, data); one attempt (svix retries from 5 s to hours later)."
  ],
  "options": {
    "instanceId": {
      "type": "string",
      "default": "ins_2hooksim0000000000000000",
      "description": "The Clerk instance the events come from."
    }
  },
  "actor": {
    "user": {
      "id": {
        "fake": "string.alphanumeric",
        "length": 27,
        "prefix": "user_"
      },
      "first_name": {
        "fake": "person.firstName"
      },
      "last_name": {
        "fake": "person.lastName"
      },
      "email": {
        "fake": "internet.email",
        "domain": "example.test"
      },
      "email_address_id": {
        "fake": "string.alphanumeric",
        "length": 27,
        "prefix": "idn_"
      },
      "created_at": "${now.ms}",
      "updated_at": "${now.ms}"
    }
  },
  "events": [
    {
      "name": "user.created",
      "summary": "A user signed up (or was created in the dashboard)",
      "payload": {
        "data": {
          "id": "${actor.user.id}",
          "object": "user",
          "first_name": "${actor.user.first_name}",
          "last_name": "${actor.user.last_name}",
          "username": null,
          "email_addresses": [
            {
              "id": "${actor.user.email_address_id}",
              "object": "email_address",
              "email_address": "${actor.user.email}",
              "verification": {
                "status": "verified",
                "strategy": "email_code"
              },
              "linked_to": []
            }
          ],
          "primary_email_address_id": "${actor.user.email_address_id}",
          "phone_numbers": [],
          "primary_phone_number_id": null,
          "external_id": null,
          "public_metadata": {},
          "private_metadata": {},
          "unsafe_metadata": {},
          "created_at": "${actor.user.created_at}",
          "updated_at": "${actor.user.updated_at}",
          "last_sign_in_at": null
        },
        "event_attributes": {
          "http_request": {
            "client_ip": "192.0.2.10",
            "user_agent": "Mozilla/5.0 (hooksim)"
          }
        },
        "instance_id": "${options.instanceId}",
        "object": "event",
        "timestamp": {
          "time": "epoch-ms"
        },
        "type": "user.created"
      }
    },
    {
      "name": "user.updated",
      "summary": "A user's profile changed",
      "actor": {
        "user.updated_at": "${now.ms}"
      },
      "variants": [
        {
          "name": "profile",
          "summary": "Some profile field changed (the names stay)"
        },
        {
          "name": "name-changed",
          "summary": "The user changed their first name",
          "actor": {
            "user.first_name": {
              "fake": "person.firstName"
            }
          }
        }
      ],
      "payload": {
        "data": {
          "id": "${actor.user.id}",
          "object": "user",
          "first_name": "${actor.user.first_name}",
          "last_name": "${actor.user.last_name}",
          "username": null,
          "email_addresses": [
            {
              "id": "${actor.user.email_address_id}",
              "object": "email_address",
              "email_address": "${actor.user.email}",
              "verification": {
                "status": "verified",
                "strategy": "email_code"
              },
              "linked_to": []
            }
          ],
          "primary_email_address_id": "${actor.user.email_address_id}",
          "phone_numbers": [],
          "primary_phone_number_id": null,
          "external_id": null,
          "public_metadata": {},
          "private_metadata": {},
          "unsafe_metadata": {},
          "created_at": "${actor.user.created_at}",
          "updated_at": "${actor.user.updated_at}",
          "last_sign_in_at": null
        },
        "event_attributes": {
          "http_request": {
            "client_ip": "192.0.2.10",
            "user_agent": "Mozilla/5.0 (hooksim)"
          }
        },
        "instance_id": "${options.instanceId}",
        "object": "event",
        "timestamp": {
          "time": "epoch-ms"
        },
        "type": "user.updated"
      }
    },
    {
      "name": "user.deleted",
      "summary": "A user was deleted",
      "payload": {
        "data": {
          "deleted": true,
          "id": "${actor.user.id}",
          "object": "user"
        },
        "event_attributes": {
          "http_request": {
            "client_ip": "192.0.2.10",
            "user_agent": "Mozilla/5.0 (hooksim)"
          }
        },
        "instance_id": "${options.instanceId}",
        "object": "event",
        "timestamp": {
          "time": "epoch-ms"
        },
        "type": "user.deleted"
      }
    }
  ],
  "request": {
    "signing": {
      "scheme": "standard-webhooks",
      "keyOption": "signingKey"
    }
  },
  "delivery": {
    "timeoutMs": 15000,
    "retry": "none"
  },
  "reply": {
    "success": "2xx",
    "actions": [
      {
        "when": {
          "status": "2xx"
        },
        "outcome": "delivered"
      },
      {
        "when": {},
        "outcome": "failed; svix would retry later"
      }
    ]
  }
};
