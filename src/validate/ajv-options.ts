// The ajv options shared by the precompiled validator (scripts/gen-schema-validator.ts) and tests.
export const X_KEYWORDS = ["x-required", "x-block", "x-labels", "x-repeat", "x-json", "x-type", "x-default", "x-attr", "x-freeform", "x-unit", "x-deprecated"];
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true, inlineRefs: false } as const;
