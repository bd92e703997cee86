package dev.evidencebot.slack;

import dev.evidencebot.answer.Answer;

/** An answer with the question that produced it: what a message shows and a share re-posts. */
record AskedAnswer(String question, Answer answer) {
}
