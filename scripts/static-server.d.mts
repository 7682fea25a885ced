export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
export declare function startStaticServer(options: { root: string; port?: number; host?: string }): Promise<StaticServer>;
