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

  // assign_ticket_oncall.ts
  var assign_ticket_oncall_exports = {};
  __export(assign_ticket_oncall_exports, {
    default: () => assignTicketOncall,
    meta: () => meta
  });
  var meta = { name: "assign_ticket_oncall", description: "Assign ticket <ticketId> to the on-call member of the <team> team." };
  async function assignTicketOncall(input, tools) {
    const members = await tools.team.list_members({ team: input.team });
    const oncallMember = members.members.find((member) => member.role === "oncall");
    if (!oncallMember) throw new Error(`No member with role "oncall" was found.`);
    const assign = await tools.tickets.assign({ ticketId: input.ticketId, assignee: oncallMember.handle });
    return { ticketId: input.ticketId, assignee: assign.assignee };
  }
  return __toCommonJS(assign_ticket_oncall_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiYXNzaWduX3RpY2tldF9vbmNhbGwudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB0eXBlIHsgVG9vbHMgfSBmcm9tIFwia25hY2s6dG9vbHNcIjtcblxuZXhwb3J0IGNvbnN0IG1ldGEgPSB7IG5hbWU6IFwiYXNzaWduX3RpY2tldF9vbmNhbGxcIiwgZGVzY3JpcHRpb246IFwiQXNzaWduIHRpY2tldCA8dGlja2V0SWQ+IHRvIHRoZSBvbi1jYWxsIG1lbWJlciBvZiB0aGUgPHRlYW0+IHRlYW0uXCIgfSBhcyBjb25zdDtcblxuZXhwb3J0IGludGVyZmFjZSBJbnB1dCB7XG4gIHRpY2tldElkOiBzdHJpbmc7XG4gIHRlYW06IFwiYmlsbGluZ1wiIHwgXCJzaGlwcGluZ1wiIHwgXCJwbGF0Zm9ybVwiIHwgXCJhY2NvdW50c1wiO1xufVxuXG5leHBvcnQgaW50ZXJmYWNlIE91dHB1dCB7XG4gIHRpY2tldElkOiBzdHJpbmc7XG4gIGFzc2lnbmVlOiBzdHJpbmc7XG59XG5cbi8qKiBBc3NpZ24gdGlja2V0IDx0aWNrZXRJZD4gdG8gdGhlIG9uLWNhbGwgbWVtYmVyIG9mIHRoZSA8dGVhbT4gdGVhbS4gKHRyYWNlLWNvbXBpbGVkIGZyb20gYXNzaWduLW9uY2FsbC1wbGF0Zm9ybS1ULTEwMDQsIGFzc2lnbi1vbmNhbGwtYmlsbGluZy1ULTEwMDIsIGFzc2lnbi1vbmNhbGwtc2hpcHBpbmctVC0xMDA3LikgKi9cbmV4cG9ydCBkZWZhdWx0IGFzeW5jIGZ1bmN0aW9uIGFzc2lnblRpY2tldE9uY2FsbChpbnB1dDogSW5wdXQsIHRvb2xzOiBUb29scyk6IFByb21pc2U8T3V0cHV0PiB7XG4gIC8vIGFzc2lnbi1vbmNhbGwtcGxhdGZvcm0tVC0xMDA0IHN0ZXAgMTogdGVhbS5saXN0X21lbWJlcnNcbiAgY29uc3QgbWVtYmVycyA9IGF3YWl0IHRvb2xzLnRlYW0ubGlzdF9tZW1iZXJzKHsgdGVhbTogaW5wdXQudGVhbSB9KTtcbiAgLy8gYXNzaWduLW9uY2FsbC1wbGF0Zm9ybS1ULTEwMDQgc3RlcCAyOiB0aWNrZXRzLmFzc2lnblxuICBjb25zdCBvbmNhbGxNZW1iZXIgPSBtZW1iZXJzLm1lbWJlcnMuZmluZCgobWVtYmVyKSA9PiBtZW1iZXIucm9sZSA9PT0gXCJvbmNhbGxcIik7XG4gIGlmICghb25jYWxsTWVtYmVyKSB0aHJvdyBuZXcgRXJyb3IoYE5vIG1lbWJlciB3aXRoIHJvbGUgXCJvbmNhbGxcIiB3YXMgZm91bmQuYCk7XG4gIGNvbnN0IGFzc2lnbiA9IGF3YWl0IHRvb2xzLnRpY2tldHMuYXNzaWduKHsgdGlja2V0SWQ6IGlucHV0LnRpY2tldElkLCBhc3NpZ25lZTogb25jYWxsTWVtYmVyLmhhbmRsZSB9KTtcbiAgcmV0dXJuIHsgdGlja2V0SWQ6IGlucHV0LnRpY2tldElkLCBhc3NpZ25lZTogYXNzaWduLmFzc2lnbmVlIH07XG59XG4iXSwKICAibWFwcGluZ3MiOiAiOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBRU8sTUFBTSxPQUFPLEVBQUUsTUFBTSx3QkFBd0IsYUFBYSxxRUFBcUU7QUFhdEksaUJBQU8sbUJBQTBDLE9BQWMsT0FBK0I7QUFFNUYsVUFBTSxVQUFVLE1BQU0sTUFBTSxLQUFLLGFBQWEsRUFBRSxNQUFNLE1BQU0sS0FBSyxDQUFDO0FBRWxFLFVBQU0sZUFBZSxRQUFRLFFBQVEsS0FBSyxDQUFDLFdBQVcsT0FBTyxTQUFTLFFBQVE7QUFDOUUsUUFBSSxDQUFDLGFBQWMsT0FBTSxJQUFJLE1BQU0seUNBQXlDO0FBQzVFLFVBQU0sU0FBUyxNQUFNLE1BQU0sUUFBUSxPQUFPLEVBQUUsVUFBVSxNQUFNLFVBQVUsVUFBVSxhQUFhLE9BQU8sQ0FBQztBQUNyRyxXQUFPLEVBQUUsVUFBVSxNQUFNLFVBQVUsVUFBVSxPQUFPLFNBQVM7QUFBQSxFQUMvRDsiLAogICJuYW1lcyI6IFtdCn0K
