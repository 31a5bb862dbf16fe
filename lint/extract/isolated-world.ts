/**
 * Running code in an isolated world of a frame over CDP: the page's own
 * scripts share the DOM but not the JavaScript globals, so overridden
 * builtins (Array.prototype.map, JSON.stringify, getComputedStyle, a
 * `checked` getter) cannot change what the extractor reads.
 */
import type { CDPSession } from "playwright";

/** An error raised by the code evaluated in the page. */
export class PageEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PageEvaluationError";
  }
}

interface RemoteResult {
  result: { type: string; value?: unknown; objectId?: string; description?: string };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

function raise(details: NonNullable<RemoteResult["exceptionDetails"]>): never {
  throw new PageEvaluationError(details.exception?.description ?? details.text);
}

export class IsolatedWorld {
  private constructor(
    readonly session: CDPSession,
    readonly frameId: string,
    readonly contextId: number,
  ) {}

  /** The id of the frame the session is attached to (the page's main frame, or an out-of-process frame). */
  static async rootFrameId(session: CDPSession): Promise<string> {
    const { frameTree } = await session.send("Page.getFrameTree");
    return frameTree.frame.id;
  }

  /** A fresh isolated world in `frameId`, with universal access so same-origin and srcdoc frames can be entered. */
  static async create(session: CDPSession, frameId: string, worldName: string): Promise<IsolatedWorld> {
    const { executionContextId } = await session.send("Page.createIsolatedWorld", {
      frameId,
      worldName,
      grantUniveralAccess: true,
    });
    return new IsolatedWorld(session, frameId, executionContextId);
  }

  /** Evaluates an expression and returns its value, copied out as JSON-like data. */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = (await this.session.send("Runtime.evaluate", {
      expression,
      contextId: this.contextId,
      returnByValue: true,
      awaitPromise: true,
    })) as RemoteResult;
    if (reply.exceptionDetails) raise(reply.exceptionDetails);
    return reply.result.value as T;
  }

  /**
   * Evaluates an expression and returns its value, serialised to JSON inside
   * the world (whose JSON is its own, not the page's) and parsed here: much
   * faster than CDP's by-value copy for large results.
   */
  async evaluateJson<T>(expression: string): Promise<T> {
    const reply = (await this.session.send("Runtime.evaluate", {
      expression: `JSON.stringify(${expression})`,
      contextId: this.contextId,
      returnByValue: true,
    })) as RemoteResult;
    if (reply.exceptionDetails) raise(reply.exceptionDetails);
    if (typeof reply.result.value !== "string") throw new PageEvaluationError(`the page read returned ${reply.result.type}, not data`);
    return JSON.parse(reply.result.value) as T;
  }

  /** Evaluates an expression that yields an object and returns its remote object id. */
  async evaluateHandle(expression: string): Promise<string | null> {
    const reply = (await this.session.send("Runtime.evaluate", {
      expression,
      contextId: this.contextId,
      returnByValue: false,
    })) as RemoteResult;
    if (reply.exceptionDetails) raise(reply.exceptionDetails);
    return reply.result.objectId ?? null;
  }

  /** The id of the frame an `<iframe>` element (by remote object id) shows. */
  async contentFrameId(objectId: string): Promise<string | null> {
    try {
      const { node } = await this.session.send("DOM.describeNode", { objectId });
      return node.frameId ?? node.contentDocument?.frameId ?? null;
    } finally {
      await this.session.send("Runtime.releaseObject", { objectId }).catch(() => {});
    }
  }
}
