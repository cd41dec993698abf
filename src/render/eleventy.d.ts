/** The few parts of Eleventy 3's programmatic API that news-archive uses (Eleventy ships no types). */
declare module '@11ty/eleventy' {
  export interface EleventyUserConfig {
    addGlobalData(name: string, data: unknown): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    setTemplateFormats(formats: string | string[]): void;
    setNunjucksEnvironmentOptions(options: { autoescape?: boolean; throwOnUndefined?: boolean; trimBlocks?: boolean; lstripBlocks?: boolean }): void;
    setUseGitIgnore(enabled: boolean): void;
    setQuietMode(quiet: boolean): void;
    setServerOptions(options: { port?: number; showVersion?: boolean; domDiff?: boolean; watch?: string[]; liveReload?: boolean }): void;
    addWatchTarget(target: string): void;
    /** Replaces a template engine's library, e.g. a Nunjucks environment for `njk`. */
    setLibrary(extension: string, library: unknown): void;
    addPassthroughCopy(copy: string | Record<string, string>): void;
    setDataDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    on(event: string, callback: (...args: never[]) => unknown): void;
    ignores: { add(glob: string): void };
    /** Eleventy's timing of configuration callbacks (filters); its warnings bypass quiet mode. */
    benchmarks?: { config?: { setIsVerbose(verbose: boolean): void } };
    watchIgnores: { add(glob: string): void };
  }

  export interface EleventyOptions {
    quietMode?: boolean;
    runMode?: 'build' | 'serve' | 'watch';
    configPath?: string;
    pathPrefix?: string;
    config?: (eleventyConfig: EleventyUserConfig) => void | Promise<void>;
  }

  export interface EleventyWrittenPage {
    url: string | false;
    outputPath: string | false;
    inputPath: string;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    toJSON(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    setIsVerbose(verbose: boolean): void;
    /** Silences Eleventy's console output, the closing "Wrote N files" line included. */
    disableLogger(): void;
  }
}
