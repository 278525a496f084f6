/**
 * The API contract: everything the renderer may ask of the engine. The Electron IPC bridge and the HTTP host
 * both implement it; the renderer depends only on this file. Every call takes at most one argument object,
 * validated against its schema at the boundary; errors come back as data.
 */
import { z } from 'zod';
import { DateRangeError } from './dates';
import { API_METHODS, isApiMethod, type ApiMethod } from './api-methods';
import { exportContextSchema } from './filters';
import { querySpecSchema } from './query';
import {
  deleteViewSchema,
  preferencesChangeSchema,
  renameViewSchema,
  saveViewSchema,
  type Preferences,
  type SavedView,
} from './preferences';
import type {
  ExportJobStatus,
  ExportSummary,
  FilterOptions,
  ImportJobStatus,
  ImportRecord,
  ImportRemoval,
  ImportSummary,
  QueryResult,
  WorkspaceInfo,
} from './results';

export type ApiErrorCode =
  | 'invalid-argument'
  | 'unknown-method'
  | 'workspace-in-use'
  | 'workspace-too-new'
  | 'workspace-missing'
  | 'not-found'
  | 'bad-input'
  | 'cancelled'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const path = z.string().min(1).max(4096);

/** What to export: a view with its filters (or the raw events they match), where, and how. */
export const exportRequestSchema = z
  .object({
    spec: querySpecSchema,
    out: path,
    format: z.enum(['csv', 'parquet']).default('csv'),
    headers: z.enum(['ids', 'en', 'sv']).default('ids'),
    preamble: z.boolean().default(false),
    rawEvents: z.boolean().default(false),
    /** Replace an existing file (the CLI's --force; the app's save dialog asks first). Workspaces never. */
    overwrite: z.boolean().default(false),
  })
  .strict();
export type ExportRequest = z.input<typeof exportRequestSchema>;

const jobId = z.object({ id: z.string().min(1).max(100) }).strict();
const importRequest = z.object({ paths: z.array(path).min(1).max(10_000), exportContext: exportContextSchema.optional() }).strict();

/** One schema per call, for every method of the contract. The argument types below are derived from these. */
export const callSchemas = {
  getWorkspace: z.undefined(),
  openWorkspace: z.object({ path, create: z.boolean().default(false) }).strict(),
  filterOptions: z.undefined(),
  query: querySpecSchema,
  importFiles: importRequest,
  startImport: importRequest,
  importStatus: jobId,
  cancelImport: jobId,
  importHistory: z.undefined(),
  removeImport: z.object({ id: z.number().int().min(1).max(2_000_000_000) }).strict(),
  exportView: exportRequestSchema,
  startExport: exportRequestSchema,
  exportStatus: jobId,
  cancelExport: jobId,
  getPreferences: z.undefined(),
  setPreferences: preferencesChangeSchema,
  savedViews: z.undefined(),
  saveView: saveViewSchema,
  renameSavedView: renameViewSchema,
  deleteSavedView: deleteViewSchema,
} satisfies { [M in ApiMethod]: z.ZodType };

export { API_METHODS, isApiMethod, type ApiMethod };

/** What each call answers with. */
export interface ApiResults {
  getWorkspace: WorkspaceInfo;
  openWorkspace: WorkspaceInfo;
  filterOptions: FilterOptions;
  query: QueryResult;
  importFiles: ImportSummary;
  /** An import as a job: follow it with importStatus, stop it with cancelImport. */
  startImport: ImportJobStatus;
  importStatus: ImportJobStatus;
  cancelImport: ImportJobStatus;
  importHistory: ImportRecord[];
  /** Takes one import back out (events and Analytics exports). */
  removeImport: ImportRemoval;
  exportView: ExportSummary;
  /** An export as a job: follow it with exportStatus, stop it with cancelExport. */
  startExport: ExportJobStatus;
  exportStatus: ExportJobStatus;
  cancelExport: ExportJobStatus;
  /** Theme, language and recent workspaces, from the app-data folder (the same in every window and browser). */
  getPreferences: Preferences;
  setPreferences: Preferences;
  /** The open workspace's saved views, by name. */
  savedViews: SavedView[];
  /** Saves (or, for a name in use, replaces) a view; answers the new list. */
  saveView: SavedView[];
  renameSavedView: SavedView[];
  deleteSavedView: SavedView[];
}

/** A call's argument as a caller writes it (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<(typeof callSchemas)[M]>;
/** A call's argument as its handler receives it: validated, defaults filled in. */
export type ApiArgs<M extends ApiMethod> = z.output<(typeof callSchemas)[M]>;

/** The contract as the renderer calls it. */
export type PinsightApi = {
  [M in ApiMethod]: undefined extends ApiInput<M>
    ? (arg?: ApiInput<M>) => Promise<ApiResult<ApiResults[M]>>
    : (arg: ApiInput<M>) => Promise<ApiResult<ApiResults[M]>>;
};

/** The contract as a host implements it: every argument already validated by dispatchCall. */
export type ApiHandlers = { [M in ApiMethod]: (arg: ApiArgs<M>) => Promise<ApiResult<ApiResults[M]>> };

/** Something that carries one call across a boundary (IPC, HTTP) and brings back its result. */
export type Transport = (method: ApiMethod, arg: unknown) => Promise<ApiResult<unknown>>;

/** A client for the contract over any transport. */
export function createApiClient(transport: Transport): PinsightApi {
  const call =
    (method: ApiMethod) =>
    (arg?: unknown): Promise<ApiResult<never>> =>
      transport(method, arg) as Promise<ApiResult<never>>;
  return Object.fromEntries(API_METHODS.map((m) => [m, call(m)])) as unknown as PinsightApi;
}

/** Formats a schema failure as "field: problem; field: problem". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

export class PinsightError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PinsightError';
  }
}

/**
 * Validates one call against its schema and runs it on `impl`; never throws. Used by every host of the
 * contract, so the renderer is treated as untrusted in the same way everywhere.
 */
export async function dispatchCall(impl: ApiHandlers, method: string, arg: unknown): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) return { ok: false, error: { code: 'unknown-method', message: `Unknown method "${method}"` } };
  const parsed = callSchemas[method].safeParse(arg ?? undefined);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-argument', message: `${method}: ${describeIssues(parsed.error)}` } };
  }
  try {
    // The one cast of the contract: TypeScript cannot tie a method name known only at run time to its
    // handler's argument type; the schema of that same method has just produced the argument.
    const fn = impl[method] as (a: unknown) => Promise<ApiResult<unknown>>;
    return await fn.call(impl, parsed.data);
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof PinsightError) return { code: e.code, message: e.message };
  if (e instanceof DateRangeError) return { code: 'invalid-argument', message: e.message };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
