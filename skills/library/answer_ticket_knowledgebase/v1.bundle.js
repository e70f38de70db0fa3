/* knack:bundle v1 */
var __knackSkill = (() => {
  var __defProp = Object.defineProperty;
  var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };
  var __copyProps = (to, from, except, desc) => {
    if (from && typeof from === "object" || typeof from === "function") {
      for (let key of __getOwnPropNames(from))
        if (!__hasOwnProp.call(to, key) && key !== except)
          __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
    }
    return to;
  };
  var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

  // answer_ticket_knowledgebase.ts
  var answer_ticket_knowledgebase_exports = {};
  __export(answer_ticket_knowledgebase_exports, {
    default: () => answerTicketKnowledgebase,
    meta: () => meta
  });
  var meta = { name: "answer_ticket_knowledgebase", description: "Answer ticket <ticketId> with our knowledge-base article on <query>." };
  async function answerTicketKnowledgebase(input, tools) {
    const ticket = await tools.tickets.get({ id: input.ticketId });
    const kbResults = await tools.kb.search({ query: input.query });
    const comment = await tools.tickets.comment({
      ticketId: input.ticketId,
      body: `Hi ${ticket.customer.name}, this article should help: "${kbResults.results[0].title}" ${kbResults.results[0].url}`
    });
    return { articleId: kbResults.results[0].id, commentId: comment.id };
  }
  return __toCommonJS(answer_ticket_knowledgebase_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiYW5zd2VyX3RpY2tldF9rbm93bGVkZ2ViYXNlLnRzIl0sCiAgInNvdXJjZXNDb250ZW50IjogWyJpbXBvcnQgdHlwZSB7IFRvb2xzIH0gZnJvbSBcImtuYWNrOnRvb2xzXCI7XG5cbmV4cG9ydCBjb25zdCBtZXRhID0geyBuYW1lOiBcImFuc3dlcl90aWNrZXRfa25vd2xlZGdlYmFzZVwiLCBkZXNjcmlwdGlvbjogXCJBbnN3ZXIgdGlja2V0IDx0aWNrZXRJZD4gd2l0aCBvdXIga25vd2xlZGdlLWJhc2UgYXJ0aWNsZSBvbiA8cXVlcnk+LlwiIH0gYXMgY29uc3Q7XG5cbmV4cG9ydCBpbnRlcmZhY2UgSW5wdXQge1xuICB0aWNrZXRJZDogc3RyaW5nO1xuICBxdWVyeTogc3RyaW5nO1xufVxuXG5leHBvcnQgaW50ZXJmYWNlIE91dHB1dCB7XG4gIGFydGljbGVJZDogc3RyaW5nO1xuICBjb21tZW50SWQ6IHN0cmluZztcbn1cblxuLyoqIEFuc3dlciB0aWNrZXQgPHRpY2tldElkPiB3aXRoIG91ciBrbm93bGVkZ2UtYmFzZSBhcnRpY2xlIG9uIDxxdWVyeT4uICh0cmFjZS1jb21waWxlZCBmcm9tIGtiLWFuc3dlci1ULTEwMDEsIGtiLWFuc3dlci1ULTEwMDQuKSAqL1xuZXhwb3J0IGRlZmF1bHQgYXN5bmMgZnVuY3Rpb24gYW5zd2VyVGlja2V0S25vd2xlZGdlYmFzZShpbnB1dDogSW5wdXQsIHRvb2xzOiBUb29scyk6IFByb21pc2U8T3V0cHV0PiB7XG4gIC8vIGtiLWFuc3dlci1ULTEwMDEgc3RlcCAxOiB0aWNrZXRzLmdldFxuICBjb25zdCB0aWNrZXQgPSBhd2FpdCB0b29scy50aWNrZXRzLmdldCh7IGlkOiBpbnB1dC50aWNrZXRJZCB9KTtcbiAgLy8ga2ItYW5zd2VyLVQtMTAwMSBzdGVwIDI6IGtiLnNlYXJjaFxuICBjb25zdCBrYlJlc3VsdHMgPSBhd2FpdCB0b29scy5rYi5zZWFyY2goeyBxdWVyeTogaW5wdXQucXVlcnkgfSk7XG4gIC8vIGtiLWFuc3dlci1ULTEwMDEgc3RlcCAzOiB0aWNrZXRzLmNvbW1lbnRcbiAgY29uc3QgY29tbWVudCA9IGF3YWl0IHRvb2xzLnRpY2tldHMuY29tbWVudCh7XG4gICAgdGlja2V0SWQ6IGlucHV0LnRpY2tldElkLFxuICAgIGJvZHk6IGBIaSAke3RpY2tldC5jdXN0b21lci5uYW1lfSwgdGhpcyBhcnRpY2xlIHNob3VsZCBoZWxwOiBcIiR7a2JSZXN1bHRzLnJlc3VsdHNbMF0udGl0bGV9XCIgJHtrYlJlc3VsdHMucmVzdWx0c1swXS51cmx9YCxcbiAgfSk7XG4gIHJldHVybiB7IGFydGljbGVJZDoga2JSZXN1bHRzLnJlc3VsdHNbMF0uaWQsIGNvbW1lbnRJZDogY29tbWVudC5pZCB9O1xufVxuIl0sCiAgIm1hcHBpbmdzIjogIjs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUVPLE1BQU0sT0FBTyxFQUFFLE1BQU0sK0JBQStCLGFBQWEsdUVBQXVFO0FBYS9JLGlCQUFPLDBCQUFpRCxPQUFjLE9BQStCO0FBRW5HLFVBQU0sU0FBUyxNQUFNLE1BQU0sUUFBUSxJQUFJLEVBQUUsSUFBSSxNQUFNLFNBQVMsQ0FBQztBQUU3RCxVQUFNLFlBQVksTUFBTSxNQUFNLEdBQUcsT0FBTyxFQUFFLE9BQU8sTUFBTSxNQUFNLENBQUM7QUFFOUQsVUFBTSxVQUFVLE1BQU0sTUFBTSxRQUFRLFFBQVE7QUFBQSxNQUMxQyxVQUFVLE1BQU07QUFBQSxNQUNoQixNQUFNLE1BQU0sT0FBTyxTQUFTLElBQUksZ0NBQWdDLFVBQVUsUUFBUSxDQUFDLEVBQUUsS0FBSyxLQUFLLFVBQVUsUUFBUSxDQUFDLEVBQUUsR0FBRztBQUFBLElBQ3pILENBQUM7QUFDRCxXQUFPLEVBQUUsV0FBVyxVQUFVLFFBQVEsQ0FBQyxFQUFFLElBQUksV0FBVyxRQUFRLEdBQUc7QUFBQSxFQUNyRTsiLAogICJuYW1lcyI6IFtdCn0K
