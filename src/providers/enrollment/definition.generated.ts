// Generated from src/providers/enrollment/enrollment.provider.yaml by `npx tsx scripts/gen-provider-definitions.ts`. Do not edit by hand: edit the YAML.

/** The provider file src/providers/enrollment/enrollment.provider.yaml, as data. */
export const enrollmentDefinition: unknown = {
  "hooksim": "provider/v1",
  "name": "enrollment",
  "title": "Device enrollment webhook",
  "notes": [
    "A platform webhook sent when a user enrolls an app on a device; signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature).",
    "variants: first-device (default), new-device (same user, another deviceIdentifier), re-enrollment (same user and deviceIdentifier again, new session).",
    "reply: 2xx with {\"action\": \"provision\" | \"skip\" | \"reject\"}; outcome.result says what the platform does."
  ],
  "options": {
    "appId": {
      "type": "string",
      "default": "app_7f3k2m9q",
      "description": "The id of the app being enrolled."
    }
  },
  "actor": {
    "user": {
      "id": {
        "fake": "string.alphanumeric",
        "length": 16,
        "prefix": "usr_"
      },
      "email": {
        "fake": "internet.email",
        "domain": "example.test"
      },
      "name": {
        "fake": "person.fullName"
      }
    },
    "deviceIdentifier": {
      "fake": "string.uuid"
    },
    "deviceName": {
      "fake": "helpers.arrayElement",
      "from": [
        "iPhone 15",
        "Pixel 8",
        "Galaxy S24",
        "iPad Air",
        "ThinkPad X1"
      ]
    },
    "sessionId": {
      "fake": "string.alphanumeric",
      "length": 24,
      "prefix": "sess_"
    }
  },
  "events": [
    {
      "name": "enrollment",
      "summary": "A user enrolled the app on a device",
      "actor": {
        "sessionId": {
          "fake": "string.alphanumeric",
          "length": 24,
          "prefix": "sess_"
        }
      },
      "variants": [
        {
          "name": "first-device",
          "summary": "The user's first enrollment, on the actor's device"
        },
        {
          "name": "new-device",
          "summary": "The same user on another device (a new deviceIdentifier)",
          "actor": {
            "deviceIdentifier": {
              "fake": "string.uuid"
            },
            "deviceName": {
              "fake": "helpers.arrayElement",
              "from": [
                "iPhone 15",
                "Pixel 8",
                "Galaxy S24",
                "iPad Air",
                "ThinkPad X1"
              ]
            }
          }
        },
        {
          "name": "re-enrollment",
          "summary": "The same user on the same device again (same deviceIdentifier, new session)"
        }
      ],
      "payload": {
        "id": {
          "fake": "string.alphanumeric",
          "length": 20,
          "prefix": "evt_"
        },
        "type": "enrollment",
        "createdAt": {
          "time": "iso"
        },
        "data": {
          "user": "${actor.user}",
          "deviceIdentifier": "${actor.deviceIdentifier}",
          "deviceName": "${actor.deviceName}",
          "appId": "${options.appId}",
          "sessionId": "${actor.sessionId}",
          "enrolledAt": {
            "time": "iso"
          }
        }
      }
    }
  ],
  "request": {
    "headers": {
      "user-agent": "hooksim-enrollment/1"
    },
    "signing": {
      "scheme": "standard-webhooks",
      "keyOption": "signingKey"
    }
  },
  "delivery": {
    "timeoutMs": 5000,
    "retry": {
      "on": [
        "5xx",
        "timeout",
        "network"
      ],
      "exponential": {
        "firstMs": 500,
        "factor": 2,
        "retries": 2
      }
    }
  },
  "reply": {
    "success": "2xx",
    "body": {
      "jsonSchema": {
        "type": "object",
        "properties": {
          "action": {
            "enum": [
              "provision",
              "skip",
              "reject"
            ]
          },
          "reason": {
            "type": "string"
          }
        },
        "required": [
          "action"
        ]
      }
    },
    "actions": [
      {
        "when": {
          "status": "2xx",
          "body": {
            "action": "reject"
          }
        },
        "outcome": "enrollment refused"
      },
      {
        "when": {
          "status": "2xx",
          "body": {
            "action": "skip"
          }
        },
        "outcome": "device already provisioned"
      },
      {
        "when": {
          "status": "2xx"
        },
        "outcome": "device provisioned"
      },
      {
        "when": {
          "error": "any"
        },
        "outcome": "enrollment goes on without the hook"
      },
      {
        "when": {},
        "outcome": "enrollment goes on without the hook"
      }
    ]
  },
  "repeats": {
    "variants": [
      "re-enrollment"
    ],
    "outcome": "device already provisioned"
  }
};
