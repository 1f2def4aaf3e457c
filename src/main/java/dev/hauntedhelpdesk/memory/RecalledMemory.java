package dev.hauntedhelpdesk.memory;

/** A past resolution recalled for a new ticket, with how similar it is (0 to 1). */
public record RecalledMemory(Memory memory, double similarity) {
}
