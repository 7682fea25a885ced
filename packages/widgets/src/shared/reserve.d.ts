/** `:host` rules setting `--mle-min-height` for one widget (inside its shadow root). */
export declare function hostReserveCss(tag: string): string;
/** Page-level rules that hold each widget's space while its code is still loading. */
export declare function placeholderReserveCss(): string;
