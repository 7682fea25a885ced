import type { IncomingMessage, ServerResponse } from 'node:http';

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
export declare function startStaticServer(options: { root: string; port?: number; host?: string; csp?: boolean }): Promise<StaticServer>;
export declare function staticHandler(root: string, options?: { csp?: boolean }): (request: IncomingMessage, response: ServerResponse) => void;
export declare function contentSecurityPolicy(options: { scriptHashes: readonly string[]; embeddable: boolean }): string;
export declare function inlineScriptHashes(html: string): string[];
export declare function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined;
