import "server-only";
import {
  deleteExpiredSimCalls,
  deleteSimCallback,
  endSimCall,
  getSimCall,
  getSimCallback,
  insertSimCallIfRoom,
  listSimRecords,
  setSimCallback,
  type SimCallRow,
} from "@/lib/db/sim-state";
import type { DbHandle } from "@/lib/db/connection";
import { callTypeOf, type CallbackConfig, type SimStore, type StoredCall } from "@/lib/simulator/store";
import type { CallbackCommand } from "@/lib/tencent/webhooks";

/**
 * The simulator's store on the console's database (lib/db/sim-state.ts), so
 * every instance on one database answers for every simulated call and a
 * restart forgets nothing. The handle is asked for at each use: the
 * simulator is made before the database is opened.
 */
export function databaseSimStore(handle: () => Promise<DbHandle>): SimStore {
  return {
    async insertCall(call, nowMs, maxLive) {
      const { db, dialect } = await handle();
      return insertSimCallIfRoom(db, dialect, toRow(call), nowMs, maxLive);
    },
    async getCall(callId) {
      const row = await getSimCall((await handle()).db, callId);
      return row ? fromRow(row) : null;
    },
    async endCall(callId, end) {
      return endSimCall((await handle()).db, callId, { ends_at_ms: end.endsAtMs, result: end.result, record_at_ms: end.recordAtMs });
    },
    async records(query) {
      const { total, rows } = await listSimRecords((await handle()).db, query);
      return { total, calls: rows.map(fromRow) };
    },
    async deleteExpired(beforeMs, limit) {
      return deleteExpiredSimCalls((await handle()).db, beforeMs, limit);
    },
    async getCallback(sdkAppId) {
      const row = await getSimCallback((await handle()).db, sdkAppId);
      return row ? { Url: row.url, CallbackCommandList: JSON.parse(row.commands) as CallbackCommand[] } : null;
    },
    async setCallback(sdkAppId, config: CallbackConfig) {
      const row = { sdk_app_id: sdkAppId, url: config.Url, commands: JSON.stringify(config.CallbackCommandList) };
      await setSimCallback((await handle()).db, { ...row, updated_at: new Date().toISOString() });
    },
    async deleteCallback(sdkAppId) {
      return deleteSimCallback((await handle()).db, sdkAppId);
    },
  };
}

function toRow(call: StoredCall) {
  return {
    call_id: call.callId,
    caller: call.caller,
    callees: JSON.stringify(call.callees),
    call_type: callTypeOf(call.callees),
    media_type: call.mediaType,
    room_id: call.roomId,
    room_id_type: call.roomIdType,
    start_ms: call.startMs,
    changes: JSON.stringify(call.changes),
    accept_ms: call.acceptMs,
    ends_at_ms: call.endsAtMs,
    result: call.result,
    record_at_ms: call.recordAtMs,
    hung_up: call.hungUp ? 1 : 0,
  };
}

/** The row as the simulator stored it (only the simulator writes these rows). */
function fromRow(row: SimCallRow): StoredCall {
  return {
    callId: row.call_id,
    caller: row.caller,
    callees: JSON.parse(row.callees) as string[],
    mediaType: row.media_type as StoredCall["mediaType"],
    roomId: row.room_id,
    roomIdType: row.room_id_type as StoredCall["roomIdType"],
    startMs: Number(row.start_ms),
    changes: JSON.parse(row.changes) as StoredCall["changes"],
    acceptMs: row.accept_ms === null ? null : Number(row.accept_ms),
    endsAtMs: Number(row.ends_at_ms),
    result: row.result as StoredCall["result"],
    recordAtMs: Number(row.record_at_ms),
    hungUp: row.hung_up === 1,
  };
}
