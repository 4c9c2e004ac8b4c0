/**
 * How a frontend uses the generated types: openapi-fetch typed by `paths`, one base URL, a
 * bearer token, problems as typed errors, and the consistency token carried from a write in
 * one service to the next call to another.
 *
 *   node src/usage.ts <base-url> <token>    (Node 23.6+ runs TypeScript as it is)
 *
 * reports three years of a count, approves them, sets a target and prints the progress.
 */
import createClient from "openapi-fetch";

import type { components, paths } from "./schema.d.ts";

export type Problem = components["schemas"]["Problem"];
export type Progress = components["schemas"]["ProgressRead"];

const CONSISTENCY = "Backbone-Consistency-Token";

export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
    this.problem = problem;
  }
}

/** What a call answered, or the problem it answered with as an error. */
function ok<T>(result: { data?: T; error?: Problem }): T {
  if (result.error !== undefined) throw new ProblemError(result.error);
  if (result.data === undefined) throw new Error("no body");
  return result.data;
}

export function backbone(baseUrl: string, token: string) {
  const api = createClient<paths>({ baseUrl });
  api.use({
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  });
  return api;
}

export async function reportAndReadProgress(baseUrl: string, token: string): Promise<Progress> {
  const api = backbone(baseUrl, token);
  const made = await api.POST("/v1/initiatives", {
    body: { name: "Seats for every child", geography: "Riverside County" },
  });
  const initiative = ok(made);
  // Measurement learns of the initiative through Kafka: the token makes it wait for that.
  const consistent = { [CONSISTENCY]: made.response.headers.get(CONSISTENCY) ?? "" };
  const indicator = ok(
    await api.POST("/v1/initiatives/{initiative_id}/indicators", {
      params: { path: { initiative_id: initiative.id } },
      headers: consistent,
      body: {
        code: "seats", name: "Library seats", unit: "count", direction: "increase",
        frequency: "annual", status: "active", baseline_period: "2021",
      },
    }),
  );
  for (const [period, value] of [["2021", 40], ["2023", 60], ["2025", 80]] as const) {
    const observation = ok(
      await api.POST("/v1/indicators/{indicator_id}/observations", {
        params: { path: { indicator_id: indicator.id } },
        body: { period, value, source: "Library census" },
      }),
    );
    ok(
      await api.POST("/v1/observations/{observation_id}/review", {
        params: { path: { observation_id: observation.id } },
        body: { decision: "approve" },
      }),
    );
  }
  ok(
    await api.PUT("/v1/indicators/{indicator_id}/targets", {
      params: { path: { indicator_id: indicator.id } },
      body: { targets: [{ period: "2026", value: 100 }] },
    }),
  );
  return ok(
    await api.GET("/v1/indicators/{indicator_id}/progress", {
      params: { path: { indicator_id: indicator.id } },
    }),
  );
}

/** The types are the API's: a wrong call does not compile. */
export async function wrongCalls(api: ReturnType<typeof backbone>): Promise<void> {
  // @ts-expect-error an initiative needs a name
  await api.POST("/v1/initiatives", { body: { geography: "Riverside County" } });
  await api.GET("/v1/indicators/{indicator_id}/progress", {
    // @ts-expect-error the path names the indicator by `indicator_id`
    params: { path: { id: "7b1f" } },
  });
  const { data } = await api.GET("/v1/initiatives");
  // @ts-expect-error a page of initiatives has `items`, not `results`
  void data?.results;
}

if (import.meta.main) {
  const [baseUrl, token] = process.argv.slice(2);
  const progress = await reportAndReadProgress(baseUrl, token);
  console.log(JSON.stringify(progress));
}
