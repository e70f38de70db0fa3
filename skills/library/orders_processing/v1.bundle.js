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

  // orders_processing.ts
  var orders_processing_exports = {};
  __export(orders_processing_exports, {
    default: () => ordersProcessing,
    meta: () => meta
  });
  var meta = { name: "orders_processing", description: "Which orders of <email> are still processing?" };
  async function ordersProcessing(input, tools) {
    const customer = await tools.find_customer({ email: input.email });
    const orders = await tools.list_orders({ customerId: customer.id, status: "processing" });
    return orders;
  }
  return __toCommonJS(orders_processing_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsib3JkZXJzX3Byb2Nlc3NpbmcudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB0eXBlIHsgVG9vbHMgfSBmcm9tIFwia25hY2s6dG9vbHNcIjtcblxuZXhwb3J0IGNvbnN0IG1ldGEgPSB7IG5hbWU6IFwib3JkZXJzX3Byb2Nlc3NpbmdcIiwgZGVzY3JpcHRpb246IFwiV2hpY2ggb3JkZXJzIG9mIDxlbWFpbD4gYXJlIHN0aWxsIHByb2Nlc3Npbmc/XCIgfSBhcyBjb25zdDtcblxuZXhwb3J0IGludGVyZmFjZSBJbnB1dCB7XG4gIGVtYWlsOiBzdHJpbmc7XG59XG5cbmV4cG9ydCB0eXBlIE91dHB1dCA9IEF3YWl0ZWQ8UmV0dXJuVHlwZTxUb29sc1tcImxpc3Rfb3JkZXJzXCJdPj47XG5cbi8qKiBXaGljaCBvcmRlcnMgb2YgPGVtYWlsPiBhcmUgc3RpbGwgcHJvY2Vzc2luZz8gKHRyYWNlLWNvbXBpbGVkIGZyb20gcHJvY2Vzc2luZy1vcmRlcnMtYWRhLCBwcm9jZXNzaW5nLW9yZGVycy1ncmFjZS4pICovXG5leHBvcnQgZGVmYXVsdCBhc3luYyBmdW5jdGlvbiBvcmRlcnNQcm9jZXNzaW5nKGlucHV0OiBJbnB1dCwgdG9vbHM6IFRvb2xzKTogUHJvbWlzZTxPdXRwdXQ+IHtcbiAgLy8gcHJvY2Vzc2luZy1vcmRlcnMtYWRhIHN0ZXAgMTogZmluZF9jdXN0b21lclxuICBjb25zdCBjdXN0b21lciA9IGF3YWl0IHRvb2xzLmZpbmRfY3VzdG9tZXIoeyBlbWFpbDogaW5wdXQuZW1haWwgfSk7XG4gIC8vIHByb2Nlc3Npbmctb3JkZXJzLWFkYSBzdGVwIDI6IGxpc3Rfb3JkZXJzXG4gIGNvbnN0IG9yZGVycyA9IGF3YWl0IHRvb2xzLmxpc3Rfb3JkZXJzKHsgY3VzdG9tZXJJZDogY3VzdG9tZXIuaWQsIHN0YXR1czogXCJwcm9jZXNzaW5nXCIgfSk7XG4gIHJldHVybiBvcmRlcnM7XG59XG4iXSwKICAibWFwcGluZ3MiOiAiOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBRU8sTUFBTSxPQUFPLEVBQUUsTUFBTSxxQkFBcUIsYUFBYSxnREFBZ0Q7QUFTOUcsaUJBQU8saUJBQXdDLE9BQWMsT0FBK0I7QUFFMUYsVUFBTSxXQUFXLE1BQU0sTUFBTSxjQUFjLEVBQUUsT0FBTyxNQUFNLE1BQU0sQ0FBQztBQUVqRSxVQUFNLFNBQVMsTUFBTSxNQUFNLFlBQVksRUFBRSxZQUFZLFNBQVMsSUFBSSxRQUFRLGFBQWEsQ0FBQztBQUN4RixXQUFPO0FBQUEsRUFDVDsiLAogICJuYW1lcyI6IFtdCn0K
