import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { CAPABILITIES, PAGE_ACCESS, PUBLIC_ACTIONS, ROUTE_ACCESS, type Access, type Capability } from "../lib/auth/access";
import type { Role } from "../lib/forms/roles";
import { actionCapabilities, builtActions, handlerRoutes, pageRoutes, serverActions } from "./code-inventory";
import { storageStateOf, type Identity } from "./constants";
import { expect, test } from "./fixtures";
import { openDb, userId } from "./db";

/**
 * The least role each server action needs, derived from the capability it is
 * built with (read from its source) and the one capability map. An action
 * that is not built with guardedAction must be listed as public there.
 */
const ACTION_ACCESS: Record<string, Access> = Object.fromEntries(
  [...actionCapabilities()].map(([key, capability]) => [key, capability === null ? "public" : (capability as Capability)]),
);

const IDENTITIES: (Identity | "anonymous")[] = ["anonymous", "viewer", "operator", "admin"];
const RANK: Record<Identity | "anonymous", number> = { anonymous: 0, viewer: 1, operator: 2, admin: 3 };
const ROLE_RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };
const NEEDS = (access: Capability) => ROLE_RANK[CAPABILITIES[access]];

const concrete = (route: string) => route.replace(/\[[^\]]+\]/g, "01SWEEPSAMPLE0000000000000");

async function contextFor(identity: Identity | "anonymous", baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL,
    storageState: identity === "anonymous" ? undefined : storageStateOf(identity),
  });
}

test.describe("access sweep", () => {
  test("every page and route handler in app/ has an access rule, and every action an expectation", () => {
    expect(pageRoutes()).toEqual(Object.keys(PAGE_ACCESS).sort());
    expect(handlerRoutes().map((h) => h.route)).toEqual(Object.keys(ROUTE_ACCESS).sort());
    expect(serverActions()).toEqual(Object.keys(ACTION_ACCESS).sort());
    // Every action names a capability of the map, or is one of the listed public actions.
    for (const [key, capability] of actionCapabilities()) {
      if (capability === null) expect(PUBLIC_ACTIONS as readonly string[], `${key} is not built with guardedAction`).toContain(key);
      else expect(Object.keys(CAPABILITIES), `${key} names an unknown capability`).toContain(capability);
    }
    expect([...builtActions().keys()].sort()).toEqual(Object.keys(ACTION_ACCESS).sort());
  });

  for (const identity of IDENTITIES) {
    test(`pages and handlers as ${identity}`, async ({ baseURL }) => {
      const api = await contextFor(identity, baseURL ?? "");
      for (const route of pageRoutes()) {
        const access = PAGE_ACCESS[route as keyof typeof PAGE_ACCESS] as Access;
        const response = await api.get(concrete(route), { maxRedirects: 0 });
        const status = response.status();
        const where = `${identity} GET ${route} -> ${status}`;
        if (access === "public") {
          expect([200, 307], where).toContain(status);
        } else if (identity === "anonymous") {
          expect(status, where).toBe(307);
          expect(response.headers().location, where).toMatch(/^\/login\?next=/);
        } else if (RANK[identity] < NEEDS(access)) {
          expect(status, where).toBe(403);
        } else {
          expect([200, 307, 404], where).toContain(status);
          expect(response.headers().location ?? "", where).not.toMatch(/^\/login/);
        }
      }
      for (const { route, methods } of handlerRoutes()) {
        const access = ROUTE_ACCESS[route as keyof typeof ROUTE_ACCESS] as Access;
        for (const method of methods) {
          const response = await api.fetch(concrete(route), { method, maxRedirects: 0 });
          const where = `${identity} ${method} ${route} -> ${response.status()}`;
          // A public handler may refuse by its own checks (the webhook receiver's token: 401 in the Call Engine's envelope), never for want of a session.
          if (access === "public") {
            const text = await response.text();
            if (route.startsWith("/api/webhooks/")) expect(response.status(), where).toBe(401);
            else expect(response.status(), where).not.toBe(401);
            if (response.status() === 401) expect(JSON.parse(text), where).toMatchObject({ ActionStatus: "FAIL" });
            expect(text, where).not.toMatch(/sign in first|needs the \w+ role/);
          } else if (identity === "anonymous") expect(response.status(), where).toBe(401);
          else if (RANK[identity] < NEEDS(access)) expect(response.status(), where).toBe(403);
          // Allowed: an answer about the input (a sample id that does not exist) is fine, a refusal is not.
          else expect([200, 400, 404], where).toContain(response.status());
        }
      }
      await api.dispose();
    });
  }

  test("every server action refuses callers without the role, and changes nothing", async ({ baseURL }) => {
    const actions = builtActions();
    const admin = await contextFor("admin", baseURL ?? "");
    const post = async (api: APIRequestContext, key: string, input: unknown) => {
      const action = actions.get(key);
      if (!action) throw new Error(`${key} is not in the build`);
      const response = await api.post(action.path, {
        headers: {
          "Next-Action": action.id,
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
          Origin: baseURL ?? "",
        },
        data: JSON.stringify([input]),
        maxRedirects: 0,
      });
      return { status: response.status(), text: await response.text() };
    };

    // A profile the refused calls would rename, re-key or delete if they got through.
    const created = await post(admin, "app/admin/profiles/actions.ts#createProfileAction", {
      fields: { name: "Sweep target", sdkAppId: "1400000003", adminIdentifier: "administrator", destination: "region", region: "china" },
      secretKey: "sweep-target-key-000000000000",
    });
    const targetId = /"id":"([0-9A-Z]{26})"/.exec(created.text)?.[1];
    expect(targetId, created.text).toBeDefined();
    const viewerId = userId("viewer@e2e.test");
    // A call that keeps ringing: a refused end_call would hang it up, and send a request the checks below would see.
    const started = await post(admin, "app/calls/new/actions.ts#startCallAction", {
      profileId: "simulator",
      clientToken: crypto.randomUUID(),
      body: {
        Robot_Account: "sweep-live-robot",
        CalleeList_Account: ["sweep-live-callee"],
        Timeout: 600000,
        CallInfo: { MediaType: "Audio" },
      },
    });
    const liveCall = /"id":"([0-9A-Z]{26})"/.exec(started.text)?.[1];
    expect(liveCall, started.text).toBeDefined();
    const liveCallId = /"callId":"([0-9a-f-]{36})"/.exec(started.text)?.[1];
    expect(liveCallId, started.text).toBeDefined();
    const operatorId = userId("operator@e2e.test");
    const sweepBody = {
      Robot_Account: "sweep-robot",
      CalleeList_Account: ["sweep-callee"],
      Timeout: 30000,
      CallInfo: { MediaType: "Audio" },
    };
    // A template the refused calls would rename or delete if they got through.
    const template = await post(admin, "app/calls/templates/actions.ts#saveTemplateAction", {
      name: "Sweep template",
      profileId: "simulator",
      body: sweepBody,
    });
    const templateId = /"id":"([0-9A-Z]{26})"/.exec(template.text)?.[1];
    expect(templateId, template.text).toBeDefined();

    // Valid inputs: without the guard each of these would change something the checks below look at.
    const inputs: Record<string, unknown> = {
      "app/login/actions.ts#signOutAction": {},
      "app/calls/new/actions.ts#startCallAction": {
        profileId: "simulator",
        clientToken: crypto.randomUUID(),
        body: { Robot_Account: "sweep-robot", CalleeList_Account: ["sweep-callee"], Timeout: 30000, CallInfo: { MediaType: "Audio" } },
      },
      "app/calls/records/actions.ts#browseRecordsAction": { profileId: targetId, page: 1 },
      "app/calls/new/actions.ts#checkCalleesAction": { profileId: "simulator", userIds: ["sweep-check-callee"] },
      "app/calls/templates/actions.ts#saveTemplateAction": { name: "Sweep template 2", profileId: "simulator", body: sweepBody },
      "app/calls/templates/actions.ts#renameTemplateAction": { id: templateId, name: "Sweep renamed template" },
      "app/calls/templates/actions.ts#deleteTemplateAction": { id: templateId },
      "app/calls/new/actions.ts#saveTemplateAction": { name: "Sweep template 3", profileId: "simulator", body: sweepBody },
      "app/admin/profiles/actions.ts#createProfileAction": {
        fields: { name: "Sweep created", sdkAppId: "1400000004", adminIdentifier: "administrator", destination: "region", region: "china" },
        secretKey: "sweep-created-key-00000000000",
      },
      "app/admin/profiles/[id]/actions.ts#updateProfileAction": {
        id: targetId,
        fields: { name: "Sweep renamed", sdkAppId: "1400000003", adminIdentifier: "administrator", destination: "region", region: "china" },
      },
      "app/admin/profiles/[id]/actions.ts#rotateProfileKeyAction": { id: targetId, secretKey: "sweep-rotated-key-0000000000" },
      "app/admin/profiles/[id]/actions.ts#deleteProfileAction": { id: targetId },
      "app/admin/profiles/[id]/actions.ts#testProfileAction": { id: targetId },
      "app/admin/profiles/[id]/actions.ts#callbackConfigAction": { profileId: targetId, operation: "delete" },
      "app/admin/profiles/[id]/actions.ts#rotateWebhookTokenAction": { profileId: targetId },
      "app/admin/users/actions.ts#createUserAction": {
        email: "sweep@e2e.test",
        role: "admin",
        mode: "password",
        password: "sweep password 123",
      },
      "app/admin/users/actions.ts#changeUserRoleAction": { userId: viewerId, role: "admin" },
      "app/admin/users/actions.ts#setUserDisabledAction": { userId: operatorId, disabled: true },
      "app/admin/users/actions.ts#issueResetLinkAction": { userId: viewerId },
      "app/tools/usersig/actions.ts#inspectUserSigAction": { userSig: "x", profileId: "simulator" },
      "app/history/[id]/actions.ts#findRegionAction": { entryId: "01SWEEPSAMPLE0000000000000" },
      "app/history/[id]/actions.ts#moveProfileRegionAction": { profileId: targetId, region: "seoul" },
      "app/history/[id]/actions.ts#endCallAction": { callId: liveCallId },
      "app/history/[id]/actions.ts#callStatusAction": { callId: liveCallId },
      "app/history/[id]/actions.ts#callRecordAction": { callId: liveCallId },
      "app/calls/new/actions.ts#endCallAction": { callId: liveCallId },
      "app/calls/new/actions.ts#callStatusAction": { callId: liveCallId },
      "app/calls/new/actions.ts#callRecordAction": { callId: liveCallId },
      "app/calls/[callId]/actions.ts#endCallAction": { callId: liveCallId },
      "app/calls/[callId]/actions.ts#callStatusAction": { callId: liveCallId },
      "app/calls/[callId]/actions.ts#callRecordAction": { callId: liveCallId },
      "app/tools/usersig/actions.ts#generateUserSigAction": { profileId: "simulator", identifier: "administrator", expireSeconds: 3600 },
    };

    let refusals = 0;
    for (const identity of IDENTITIES) {
      const api = await contextFor(identity, baseURL ?? "");
      for (const [key, access] of Object.entries(ACTION_ACCESS)) {
        if (access === "public" || RANK[identity] >= NEEDS(access)) continue;
        expect(inputs, `no sweep input for ${key}`).toHaveProperty([key]);
        const { status, text } = await post(api, key, inputs[key]);
        const where = `${identity} -> ${key}: ${status} ${text.slice(0, 200)}`;
        expect(status, where).toBe(200);
        expect(text, where).toContain(identity === "anonymous" ? '"refused":"unauthenticated"' : '"refused":"forbidden"');
        refusals += 1;
      }
      await api.dispose();
    }
    expect(refusals).toBeGreaterThan(20);

    const db = openDb();
    try {
      const one = <T>(query: string, ...params: unknown[]) => db.prepare(query).get(...params) as T;
      expect(one<{ n: number }>("select count(*) n from requests where robot_account = 'sweep-robot'").n).toBe(0);
      expect(one<{ n: number }>("select count(*) n from requests where callees like '%sweep-check-callee%'").n).toBe(0);
      expect(one<{ call_id: string }>("select call_id from requests where id = ?", liveCall).call_id).toBe(liveCallId);
      // No end_call, get_call_info or get_record_by_callid went out for it.
      expect(
        one<{ n: number }>(
          "select count(*) n from requests where command != 'call_engine_http_srv/start_call_by_robot' and request_body like ?",
          `%${liveCallId}%`,
        ).n,
      ).toBe(0);
      expect(one<{ n: number }>("select count(*) n from requests where profile_id = ?", targetId).n).toBe(0);
      expect(one<{ n: number }>("select count(*) n from profiles where name in ('Sweep created', 'Sweep renamed')").n).toBe(0);
      expect(
        one<{ name: string; key_fingerprint: string; region: string }>(
          "select name, key_fingerprint, region from profiles where id = ?",
          targetId,
        ),
      ).toEqual({
        name: "Sweep target",
        key_fingerprint: "…0000",
        region: "china",
      });
      expect(one<{ n: number }>("select count(*) n from users where email = 'sweep@e2e.test'").n).toBe(0);
      expect(one<{ n: number }>("select count(*) n from webhook_tokens where profile_id = ?", targetId).n).toBe(0);
      expect(one<{ names: string }>("select group_concat(name) names from call_templates where name like 'Sweep%'").names).toBe(
        "Sweep template",
      );
      expect(one<{ role: string }>("select role from users where id = ?", viewerId).role).toBe("viewer");
      expect(one<{ disabled_at: string | null }>("select disabled_at from users where id = ?", operatorId).disabled_at).toBeNull();
      expect(one<{ n: number }>("select count(*) n from user_tokens where user_id = ?", viewerId).n).toBe(0);
      expect(
        one<{ n: number }>("select count(*) n from audit_events where action = 'usersig.generated' and actor_email != 'admin@e2e.test'").n,
      ).toBe(0);
    } finally {
      db.close();
    }
    await post(admin, "app/admin/profiles/[id]/actions.ts#deleteProfileAction", { id: targetId });
    await post(admin, "app/calls/templates/actions.ts#deleteTemplateAction", { id: templateId });
    await admin.dispose();
  });
});
