import type { Tools } from "knack:tools";

export const meta = { name: "answer_ticket_knowledgebase", description: "Answer ticket <ticketId> with our knowledge-base article on <query>." } as const;

export interface Input {
  ticketId: string;
  query: string;
}

export interface Output {
  articleId: string;
  commentId: string;
}

/** Answer ticket <ticketId> with our knowledge-base article on <query>. (trace-compiled from kb-answer-T-1001, kb-answer-T-1004.) */
export default async function answerTicketKnowledgebase(input: Input, tools: Tools): Promise<Output> {
  // kb-answer-T-1001 step 1: tickets.get
  const ticket = await tools.tickets.get({ id: input.ticketId });
  // kb-answer-T-1001 step 2: kb.search
  const kbResults = await tools.kb.search({ query: input.query });
  // kb-answer-T-1001 step 3: tickets.comment
  const comment = await tools.tickets.comment({
    ticketId: input.ticketId,
    body: `Hi ${ticket.customer.name}, this article should help: "${kbResults.results[0].title}" ${kbResults.results[0].url}`,
  });
  return { articleId: kbResults.results[0].id, commentId: comment.id };
}
