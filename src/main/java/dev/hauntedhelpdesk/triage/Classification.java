package dev.hauntedhelpdesk.triage;

/** A predicted category and how sure the engine is, from 0 to 1. */
public record Classification(String category, double confidence) {
}
