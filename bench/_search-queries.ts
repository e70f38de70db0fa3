// Held-aside requests for the search bench on the support-desk library: paraphrases of what a
// customer or a support agent would ask, written without looking at the index, none of them a
// trajectory a skill was compiled from (no order number, ticket id or wording is reused
// verbatim). Each skill has four; `calibration` marks the half the threshold was chosen on,
// the other half only measures it.

/** A request one skill covers. */
export interface CoveredRequest {
  query: string;
  skill: string;
  calibration: boolean;
}

/** A request no skill of the library covers: search must return nothing. */
export interface UncoveredRequest {
  query: string;
  calibration: boolean;
}

const covered: Record<string, string[]> = {
  answer_ticket_knowledgebase: [
    'Reply to ticket T-2040 using the help center article about password resets',
    'Find the knowledge base article on return policies and post it as the answer on T-1010',
    'Respond to this ticket with our KB article on delivery times',
    'The customer in T-1100 asks how long a refund takes; answer with the documentation article',
  ],
  assign_ticket_oncall: [
    'Give ticket T-1201 to whoever is on call in billing',
    'Route T-1300 to the platform on-call engineer',
    "Who's on call for shipping today? Hand them ticket T-1400",
    "Assign this ticket to the support team's on-call person",
  ],
  check_stock_item: [
    'Are all the items in order 8830 in stock?',
    'Check inventory for everything in order 8831',
    'Do we have enough stock to ship order 8840?',
    'Is anything in order 8850 out of stock?',
  ],
  customer_order: [
    'grace@example.com emailed asking where her package is',
    'A customer at bob@example.com wants to know where his order is',
    'Someone wrote from linus@example.com asking what happened to their order',
    'Customer mail from ken@example.com: my order has not arrived, where is it?',
  ],
  email_customer_open: [
    "Let all customers with open outage tickets know we're on it",
    'Send an email to everyone who has an open billing ticket saying we are working on it',
    'Notify the customers of all open bug tickets that a fix is in progress',
    'Tell every customer with an open login ticket that we are looking into it',
  ],
  escalate_ticket_make: [
    'Escalate T-1500 to the billing team lead and make it urgent',
    'Raise ticket T-1600 to high priority, tag it vip and give it to the platform lead',
    'This ticket needs escalating: mark it urgent and hand it to the team lead',
    'Bump T-1700 to urgent and escalate it to the shipping lead',
  ],
  order_carrier_status: [
    'Track order 8890: which carrier has it and where was it last scanned?',
    "What's the shipping status of order 8891?",
    "Where's order 8892 right now?",
    'Give me the tracking details for order 8893, carrier and latest location',
  ],
  orders_processing: [
    "List the orders of grace@example.com that haven't shipped yet",
    "Which of linus@example.com's orders are still being processed?",
    'Show me the pending orders of customer bob@example.com',
    'Does ada@example.com have orders that are still processing?',
  ],
  refund_order: [
    'Refund just one item of order 8860, the customer keeps the rest',
    'Partial refund for order 8861: only the tea tin',
    'Refund only the filters in order 8862, they keep the teapot',
    'Give back the money for a single item from order 8863',
  ],
  refund_order_full: [
    'Order 8870 came broken, refund the customer in full',
    'Fully refund order 8871, it was damaged in transit',
    'The package for order 8872 arrived damaged, refund the whole thing',
    'Issue a full refund for order 8873',
  ],
  send_customer_order: [
    'Email a prepaid DHL return label to the customer of order 8880',
    'The customer wants to send order 8881 back; send them a UPS return label',
    'Create a return shipping label for order 8882 and mail it to the buyer',
    'The buyer of order 8883 needs a free label to return it',
  ],
  thank_reporter_ticket: [
    'Leave a comment on T-1800 thanking the person who reported it',
    'Post a thank-you note on ticket T-1900 for the reporter',
    'Thank whoever opened ticket T-2000',
    'Add a comment to T-2100 saying thanks to the reporter',
  ],
};

const uncovered: string[] = [
  'Reset the password for user anna@example.com',
  'Cancel order 8890 before it ships',
  'Change the shipping address on order 8891',
  "Update the customer's phone number",
  'Generate the monthly sales report',
  "Apply a 10% discount code to Ada's next order",
  'Create a new user account for the intern',
  'Schedule a team meeting for Friday afternoon',
  'Translate this knowledge base article into German',
  'Merge the duplicate tickets T-1001 and T-1002',
  'Delete the customer account and all of its data',
  'What is the weather in Berlin tomorrow?',
  'Order 50 more glass teapots from the supplier',
  'Change the price of the tea tin to 12 dollars',
  'Close every ticket older than 30 days',
  'Export all orders to a CSV file',
  'Upgrade grace@example.com to the plus tier',
  'Book a courier pickup for tomorrow morning',
  'Write a blog post about our new teapot',
  'Reopen ticket T-1003',
];

/** Four requests per skill, alternately calibration and evaluation. */
export const coveredRequests: CoveredRequest[] = Object.entries(covered).flatMap(([skill, queries]) =>
  queries.map((query, position) => ({ query, skill, calibration: position % 2 === 0 })),
);

/** Twenty requests no skill covers, alternately calibration and evaluation. */
export const uncoveredRequests: UncoveredRequest[] = uncovered.map((query, position) => ({
  query,
  calibration: position % 2 === 0,
}));
