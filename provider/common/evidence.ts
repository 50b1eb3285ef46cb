// How well a rule is established, on the scale of the project's rules audit: DOCUMENTED (AWS
// documentation or the service model says it), OBSERVED (a real error text, a measurement, or
// the code of a tool run against AWS shows it), INFERRED (no direct source). "DESIGN" marks a
// choice of this tool that is not an AWS rule.
export type EvidenceRating = "DOCUMENTED" | "OBSERVED" | "INFERRED" | "DESIGN";
export const EVIDENCE_RATINGS: readonly EvidenceRating[] = ["DOCUMENTED", "OBSERVED", "INFERRED", "DESIGN"];

export interface Evidence {
    rating: EvidenceRating;
    /** Where it is said or seen: a document title and address, a service-model member, an issue. */
    source: string;
}
