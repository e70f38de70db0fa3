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

  // email_customer_open.ts
  var email_customer_open_exports = {};
  __export(email_customer_open_exports, {
    default: () => emailCustomerOpen,
    meta: () => meta
  });
  var meta = { name: "email_customer_open", description: "Email every customer with an open <tag> ticket that we are working on it." };
  async function emailCustomerOpen(input, tools) {
    const ticketList = await tools.tickets.list({ status: "open", tag: input.tag });
    const emails = [];
    for (const ticket of ticketList.tickets) {
      emails.push(await tools.send_email({
        to: ticket.customer.email,
        subject: `Update on "${ticket.subject}"`,
        body: `Hi ${ticket.customer.name}, our team is working on ticket ${ticket.id}. We will write again once it is fixed.`
      }));
    }
    return { notified: emails.map((email) => email.to) };
  }
  return __toCommonJS(email_customer_open_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiZW1haWxfY3VzdG9tZXJfb3Blbi50cyJdLAogICJzb3VyY2VzQ29udGVudCI6IFsiaW1wb3J0IHR5cGUgeyBUb29scyB9IGZyb20gXCJrbmFjazp0b29sc1wiO1xuXG5leHBvcnQgY29uc3QgbWV0YSA9IHsgbmFtZTogXCJlbWFpbF9jdXN0b21lcl9vcGVuXCIsIGRlc2NyaXB0aW9uOiBcIkVtYWlsIGV2ZXJ5IGN1c3RvbWVyIHdpdGggYW4gb3BlbiA8dGFnPiB0aWNrZXQgdGhhdCB3ZSBhcmUgd29ya2luZyBvbiBpdC5cIiB9IGFzIGNvbnN0O1xuXG5leHBvcnQgaW50ZXJmYWNlIElucHV0IHtcbiAgdGFnOiBzdHJpbmc7XG59XG5cbmV4cG9ydCBpbnRlcmZhY2UgT3V0cHV0IHtcbiAgbm90aWZpZWQ6IHN0cmluZ1tdO1xufVxuXG4vKiogRW1haWwgZXZlcnkgY3VzdG9tZXIgd2l0aCBhbiBvcGVuIDx0YWc+IHRpY2tldCB0aGF0IHdlIGFyZSB3b3JraW5nIG9uIGl0LiAodHJhY2UtY29tcGlsZWQgZnJvbSBub3RpZnktb3Blbi1vdXRhZ2UtdGlja2V0cywgbm90aWZ5LW9wZW4tYnVnLXRpY2tldHMuKSAqL1xuZXhwb3J0IGRlZmF1bHQgYXN5bmMgZnVuY3Rpb24gZW1haWxDdXN0b21lck9wZW4oaW5wdXQ6IElucHV0LCB0b29sczogVG9vbHMpOiBQcm9taXNlPE91dHB1dD4ge1xuICAvLyBub3RpZnktb3Blbi1vdXRhZ2UtdGlja2V0cyBzdGVwIDE6IHRpY2tldHMubGlzdFxuICBjb25zdCB0aWNrZXRMaXN0ID0gYXdhaXQgdG9vbHMudGlja2V0cy5saXN0KHsgc3RhdHVzOiBcIm9wZW5cIiwgdGFnOiBpbnB1dC50YWcgfSk7XG4gIC8vIG5vdGlmeS1vcGVuLW91dGFnZS10aWNrZXRzIHN0ZXBzIDItNDogc2VuZF9lbWFpbCBmb3IgZWFjaCBlbGVtZW50XG4gIGNvbnN0IGVtYWlsczogQXdhaXRlZDxSZXR1cm5UeXBlPFRvb2xzW1wic2VuZF9lbWFpbFwiXT4+W10gPSBbXTtcbiAgZm9yIChjb25zdCB0aWNrZXQgb2YgdGlja2V0TGlzdC50aWNrZXRzKSB7XG4gICAgZW1haWxzLnB1c2goYXdhaXQgdG9vbHMuc2VuZF9lbWFpbCh7XG4gICAgICB0bzogdGlja2V0LmN1c3RvbWVyLmVtYWlsLFxuICAgICAgc3ViamVjdDogYFVwZGF0ZSBvbiBcIiR7dGlja2V0LnN1YmplY3R9XCJgLFxuICAgICAgYm9keTogYEhpICR7dGlja2V0LmN1c3RvbWVyLm5hbWV9LCBvdXIgdGVhbSBpcyB3b3JraW5nIG9uIHRpY2tldCAke3RpY2tldC5pZH0uIFdlIHdpbGwgd3JpdGUgYWdhaW4gb25jZSBpdCBpcyBmaXhlZC5gLFxuICAgIH0pKTtcbiAgfVxuICByZXR1cm4geyBub3RpZmllZDogZW1haWxzLm1hcCgoZW1haWwpID0+IGVtYWlsLnRvKSB9O1xufVxuIl0sCiAgIm1hcHBpbmdzIjogIjs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUVPLE1BQU0sT0FBTyxFQUFFLE1BQU0sdUJBQXVCLGFBQWEsNEVBQTRFO0FBVzVJLGlCQUFPLGtCQUF5QyxPQUFjLE9BQStCO0FBRTNGLFVBQU0sYUFBYSxNQUFNLE1BQU0sUUFBUSxLQUFLLEVBQUUsUUFBUSxRQUFRLEtBQUssTUFBTSxJQUFJLENBQUM7QUFFOUUsVUFBTSxTQUFxRCxDQUFDO0FBQzVELGVBQVcsVUFBVSxXQUFXLFNBQVM7QUFDdkMsYUFBTyxLQUFLLE1BQU0sTUFBTSxXQUFXO0FBQUEsUUFDakMsSUFBSSxPQUFPLFNBQVM7QUFBQSxRQUNwQixTQUFTLGNBQWMsT0FBTyxPQUFPO0FBQUEsUUFDckMsTUFBTSxNQUFNLE9BQU8sU0FBUyxJQUFJLG1DQUFtQyxPQUFPLEVBQUU7QUFBQSxNQUM5RSxDQUFDLENBQUM7QUFBQSxJQUNKO0FBQ0EsV0FBTyxFQUFFLFVBQVUsT0FBTyxJQUFJLENBQUMsVUFBVSxNQUFNLEVBQUUsRUFBRTtBQUFBLEVBQ3JEOyIsCiAgIm5hbWVzIjogW10KfQo=
